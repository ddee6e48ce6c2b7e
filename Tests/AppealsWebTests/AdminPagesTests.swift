import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Administrators manage accounts, holidays, policies, tickets and API keys")
struct AdminPagesTests {

    @Test func aNewAccountGetsAPasswordShownOnceThatSignsIn() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let fay = try await StaffTest.signIn("fay", on: client)
            try await fay.get("/staff/admin/staff", on: client) { #expect($0.text.contains("Add a member of staff")) }
            try await fay.post("/staff/admin/staff", [("name", ""), ("email", "not-an-email")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Enter the person’s name") && response.text.contains("Choose at least one role"))
                #expect(response.text.contains("value=\"not-an-email\""))
            }
            let password = try await fay.post(
                "/staff/admin/staff",
                [
                    ("name", "Hal Reviewer"), ("email", "hal@riverton.example"),
                    ("role_reviewer", "yes"),
                ], on: client
            ) { response -> String in
                #expect(response.status == .ok)
                return String(try #require(response.text.firstMatch(of: /class="secret">([a-z0-9-]+)</)).1)
            }
            // Another Ana, at another address: her id is not the demo Ana's (it was a 500).
            try await fay.get("/staff/admin/staff", on: client) { _ in }
            try await fay.post(
                "/staff/admin/staff", [("name", "Ana Other"), ("email", "ana@elsewhere.example"), ("role_clerk", "yes")], on: client
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("ana-2"))
            }
            #expect(try await box.db!.strings("SELECT id AS v FROM staff WHERE email = 'ana@elsewhere.example'") == ["ana-2"])
            let hal = try await StaffTest.signIn("hal", on: client, password: password)
            try await hal.get("/staff/queue", on: client) { #expect($0.status == .ok) }
            #expect(
                try await box.db!.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'staff_created' AND actor_id = 'fay'") == 2)
            // Disabling Hal ends his session at once.
            try await fay.get("/staff/admin/staff", on: client) { _ in }
            try await fay.post("/staff/admin/staff/hal/active", [("active", "false")], on: client) { #expect($0.status == .found) }
            try await hal.get("/staff/queue", on: client) { #expect($0.headers[.location]?.hasPrefix("/staff/sign-in") == true) }
            // Roles and skills of an existing account.
            let ben = try #require(DemoCases.staff.first { $0.id == "ben" })
            try await fay.get("/staff/admin/staff/ben", on: client) { response in
                let checked = Set(
                    response.text.matches(of: /id="((?:role|skill)_[a-z_]+)" name="[^"]+" value="yes" checked/).map { String($0.output.1) })
                #expect(ben.roles == [.reviewer] && ben.skills == [.stolenVehicles, .notOwner])  // the demo's Ben
                #expect(checked == ["role_reviewer", "skill_stolen_vehicles", "skill_not_owner"])
            }
            try await fay.post(
                "/staff/admin/staff/ben",
                [
                    ("role_reviewer", "yes"), ("role_supervisor", "yes"), ("skill_disability", "yes"),
                    ("languages", "es, pl"),
                ], on: client
            ) { #expect($0.status == .found) }
            let db = try #require(box.db)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM staff_roles WHERE staff_id = 'ben'") == 2)
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM staff_skills WHERE staff_id = 'ben' AND skill IN ('disability', 'language:es', 'language:pl')"
                ) == 3)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM staff_skills WHERE staff_id = 'ben'") == 3,
                "the skills Ben had before are replaced")
            try await fay.post("/staff/admin/staff/ben", [], on: client) { #expect($0.status == .unprocessableContent) }
            // The auditor reads the list but has no form.
            let gus = try await StaffTest.signIn("gus", on: client)
            try await gus.get("/staff/admin/staff", on: client) { response in
                #expect(response.text.contains("Hal Reviewer"))
                #expect(!response.text.contains("Add a member of staff"))
            }
        }
    }

    @Test func aTicketFileWithABadLineImportsTheGoodOnesAndNamesTheBadOne() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let fay = try await StaffTest.signIn("fay", on: client)
            try await fay.get("/staff/admin/tickets", on: client) { _ in }
            let csv = """
                ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id
                ADM1,AD11MIN,NY,2026-11-01T10:00:00Z,Main St,P01,Restricted street,6500,C1
                ADM2,AD22MIN,NY,yesterday,Main St,P01,Restricted street,6500,C1
                ADM3,AD33MIN,NY,2026-11-02T10:00:00Z,Elm St,P02,Expired meter,4500,C2

                """
            try await fay.upload("/staff/admin/tickets", files: [("tickets.csv", Data(csv.utf8))], on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("line 3:"))
            }
            #expect(
                try await box.db!.count("SELECT COUNT(*) AS n FROM tickets WHERE ticket_number IN ('ADM1', 'ADM3')")
                    == 2)
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM tickets WHERE ticket_number = 'ADM2'") == 0)
        }
    }

    @Test func holidaysPoliciesAndKeys() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let fay = try await StaffTest.signIn("fay", on: client)
            try await fay.get("/staff/admin/holidays", on: client) { _ in }
            try await fay.post("/staff/admin/holidays", [("day", "2026-12-25"), ("name", "Christmas Day")], on: client) {
                #expect($0.status == .found)
            }
            try await fay.get("/staff/admin/holidays", on: client) { #expect($0.text.contains("25 December 2026")) }
            try await fay.post("/staff/admin/holidays", [("day", "someday"), ("name", "")], on: client) {
                #expect($0.status == .unprocessableContent)
            }

            try await fay.post(
                "/staff/admin/policies", [("kind", "decision"), ("length", "60"), ("unit", "calendar_days"), ("warning", "3")], on: client
            ) {
                #expect($0.status == .found)
            }
            #expect(
                try await StaffTest.value(db, "SELECT CAST(MAX(version) AS TEXT) AS v FROM deadline_policies WHERE kind = 'decision'")
                    == "2")
            try await fay.post(
                "/staff/admin/policies", [("kind", "decision"), ("length", "0"), ("unit", "calendar_days"), ("warning", "3")], on: client
            ) {
                #expect($0.status == .unprocessableContent)
            }

            try await fay.get("/staff/admin/api-keys", on: client) { _ in }
            // Nothing to do and no sensible rate: each is named, and the name stays.
            try await fay.post("/staff/admin/api-keys", [("name", "Phone line"), ("requests_per_minute", "0")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Choose at least one thing the key may do"))
                #expect(response.text.contains("Enter the requests a minute as a whole number from 1 to 100,000"))
                #expect(response.text.contains("value=\"Phone line\""))
            }
            let fields = [
                ("name", "Enforcement export"), ("scope_status_read", "yes"), ("scope_cases_by_phone", "yes"),
                ("requests_per_minute", "1,200"),
            ]
            let key = try await fay.post("/staff/admin/api-keys", fields, on: client) { response -> String in
                String(try #require(response.text.firstMatch(of: /class="secret">(apk_[0-9a-f]{48})</)).1)
            }
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM api_keys WHERE key_hash = '\(key)'") == 0,
                "only a hash is kept")
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM api_keys WHERE prefix = '\(key.prefix(8))' AND scopes = 'status:read cases:by-phone' AND requests_per_minute = 1200"
                ) == 1)
            try await fay.get("/staff/admin/api-keys", on: client) { #expect(!$0.text.contains(key), "never shown again") }
            let id = try #require(try await StaffTest.value(db, "SELECT id AS v FROM api_keys"))
            try await fay.post("/staff/admin/api-keys/\(id)/revoke", [], on: client) { #expect($0.status == .found) }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM api_keys WHERE revoked_at IS NOT NULL") == 1)
        }
    }
}
