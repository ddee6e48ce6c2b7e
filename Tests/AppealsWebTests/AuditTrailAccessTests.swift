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

/// Administrators read the audit trail to run the portal (sign-ins, accounts, keys, policies), not to read cases:
/// a contact correction carries the citizen's name and address, the vulnerable flag a reason about their health.
/// Those words are shown to auditors and to the people who may view the case, and to nobody else.
@Suite("The audit trail shows a case's contents only to those who may view the case")
struct AuditTrailAccessTests {
    @Test func anAdministratorSeesThatACaseChangedButNotTheCitizensDetails() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try #require(
                try await StaffTest.value(
                    db,
                    "SELECT reference AS v FROM cases WHERE state = 'submitted' AND vulnerable = \(WebTest.engine == .postgres ? "FALSE" : "0") ORDER BY reference LIMIT 1"
                ))
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { _ in }
            let address = "99 Hidden Lane"
            try await dan.post(
                "/staff/cases/\(reference)/contact",
                [
                    ("name", "Zed Quietly"), ("address", address + "\nRiverton RV 20501"), ("email", ""), ("mobile", ""),
                    ("channel", "letter"),
                ], on: client
            ) { #expect($0.status == .found) }
            let version = try await db.count("SELECT version AS n FROM cases WHERE reference = '\(reference)'")
            let reason = "Recovering from heart surgery"
            try await dan.post(
                "/staff/cases/\(reference)/vulnerable", [("vulnerable", "yes"), ("reason", reason), ("version", "\(version)")], on: client
            ) { #expect($0.status == .found) }
            try await db.withConnection {
                try await $0.raw(SQLQueryString("UPDATE cases SET assignee = 'ben' WHERE reference = \(bind: reference)")).run()
            }
            let secrets = ["Zed Quietly", address, "heart surgery"]
            func trail(_ browser: Browser, _ query: String) async throws -> String {
                try await browser.get("/staff/audit?\(query)", on: client) { response in
                    #expect(response.status == .ok)
                    return response.text
                }
            }
            // The auditor reads everything.
            let gus = try await StaffTest.signIn("gus", on: client)
            for query in ["case=\(reference)", "actor=dan"] {
                let text = try await trail(gus, query)
                #expect(secrets.allSatisfy(text.contains), "the auditor reads \(query)")
            }
            #expect(try await trail(gus, "event=contact_corrected").contains(address))
            #expect(try await trail(gus, "event=vulnerable_set").contains("heart surgery"))
            // The administrator sees that the events happened, by whom and when, but not their words.
            let fay = try await StaffTest.signIn("fay", on: client)
            for query in ["case=\(reference)", "event=contact_corrected", "event=vulnerable_set", "actor=dan", ""] {
                let text = try await trail(fay, query)
                for secret in secrets { #expect(!text.contains(secret), "the administrator reads \(secret) in ?\(query)") }
            }
            let text = try await trail(fay, "case=\(reference)")
            #expect(text.contains("contact corrected") && text.contains("vulnerable set"))
            // An administrator who also reviews reads the words of the cases a reviewer may view: not Ben's case,
            // and the team queue's.
            try await db.withConnection {
                try await $0.raw("INSERT INTO staff_roles (staff_id, role) VALUES ('fay', 'reviewer')").run()
            }
            let fayReviewing = try await StaffTest.signIn("fay", on: client)
            for secret in secrets { #expect(!(try await trail(fayReviewing, "case=\(reference)")).contains(secret), "\(secret)") }
            try await db.withConnection {
                try await $0.raw(SQLQueryString("UPDATE cases SET assignee = NULL WHERE reference = \(bind: reference)")).run()
            }
            #expect(secrets.allSatisfy((try await trail(fayReviewing, "case=\(reference)")).contains))
        }
    }
}
