import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import Testing

/// Names, emails, ticket numbers and plates hold one line. A name sent as `Probe\r\n=1+1` once reached the clerks'
/// print manifest as a row of its own starting with a formula; every form now refuses a line break or a control
/// character in such a field, next to the field, and keeps nothing of it.
@Suite("Single-line fields refuse line breaks and control characters on every form")
struct SingleLineFieldTests {
    /// CR LF (one Swift `Character`), a Unicode line separator, NEXT LINE, and an escape character.
    static let hostileNames = ["Probe\r\n=1+1", "Probe\u{2028}=1+1", "Probe\u{85}=1+1", "Probe\u{1B}[2J"]

    @Test func theCitizensContactStepRefusesANameOnTwoLines() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await AppealJourneyTests.seed($0); box.db = $0
        }) { client in
            let citizen = Browser()
            try await AppealJourneyTests.fillIn(citizen, on: client)
            for name in Self.hostileNames {
                let fields = [
                    ("name", name), ("address", "1 Elm St\nRiverton RV 20501"), ("email", "ana@example.org"), ("channel", "email"),
                ]
                try await citizen.post("/appeal/contact", fields, on: client) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                    #expect(response.text.contains("Enter your full name on one line"), "\(name.debugDescription)")
                    #expect(response.text.contains("href=\"#name\""))
                }
                // Not to the check page: the answer is not taken.
                try await citizen.post("/appeal/check", [], on: client) { #expect($0.headers[.location] != "/appeal/confirmation") }
            }
            let db = try #require(box.db)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM cases") == 0)
        }
    }

    @Test func anAgentsAppealForACallerRefusesANameOnTwoLines() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let ticket = try await AssistedAppealTests.freeTicket(db)
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/appeals/new", on: client) { _ in }
            for name in Self.hostileNames {
                let answers =
                    [("arrived_by", "phone"), ("ticket_number", ticket.number), ("plate", ticket.plate)] + AssistedAppealTests.grounds
                    + [AssistedAppealTests.statement, AssistedAppealTests.lateReason]
                    + [("name", name), ("address", "12 Elm Street\nRiverton RV 20501"), ("channel", "letter")]
                try await dan.post("/staff/appeals/new", answers, on: client) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                    #expect(response.text.contains("Enter the citizen’s full name on one line"), "\(name.debugDescription)")
                }
            }
        }
    }

    @Test func aContactCorrectionRefusesANameOnTwoLinesAndKeepsTheOldOne() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try #require(
                try await StaffTest.value(db, "SELECT case_reference AS v FROM appeals ORDER BY case_reference LIMIT 1"))
            let before = try #require(
                try await StaffTest.value(db, "SELECT contact_name AS v FROM appeals WHERE case_reference = '\(reference)'"))
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { _ in }
            for name in Self.hostileNames {
                let fields = [
                    ("name", name), ("address", "7 New Road\nRiverton RV 20509"), ("email", ""), ("mobile", ""), ("channel", "letter"),
                ]
                try await dan.post("/staff/cases/\(reference)/contact", fields, on: client) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                    #expect(response.text.contains("Enter the citizen’s name on one line"), "\(name.debugDescription)")
                }
            }
            #expect(try await StaffTest.value(db, "SELECT contact_name AS v FROM appeals WHERE case_reference = '\(reference)'") == before)
        }
    }

    @Test func anAdministratorsFormsRefuseNamesOnTwoLines() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let fay = try await StaffTest.signIn("fay", on: client)
            try await fay.get("/staff/admin/staff", on: client) { _ in }
            for name in Self.hostileNames {
                try await fay.post(
                    "/staff/admin/staff", [("name", name), ("email", "hal@riverton.example"), ("role_reviewer", "yes")], on: client
                ) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                    #expect(response.text.contains("Enter the person’s name on one line"))
                }
                try await fay.post(
                    "/staff/admin/staff", [("name", "Hal Reviewer"), ("email", "hal\u{1B}@riverton.example"), ("role_reviewer", "yes")],
                    on: client
                ) { response in
                    #expect(response.status == .unprocessableContent)
                }
                try await fay.post(
                    "/staff/admin/api-keys", [("name", name), ("scope_status_read", "yes"), ("requests_per_minute", "60")], on: client
                ) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                    #expect(response.text.contains("Name the key on one line"))
                }
                try await fay.post("/staff/admin/holidays", [("day", "2026-12-25"), ("name", name)], on: client) { response in
                    #expect(response.status == .unprocessableContent, "\(name.debugDescription)")
                }
            }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM staff WHERE email = 'hal@riverton.example'") == 0)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM api_keys WHERE name LIKE 'Probe%'") == 0)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM holidays WHERE name LIKE 'Probe%'") == 0)
        }
    }
}
