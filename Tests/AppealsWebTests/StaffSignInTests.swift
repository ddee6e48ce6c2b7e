import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@testable import AppealsWeb

@Suite("Staff sign in with a password and a database session")
struct StaffSignInTests {

    @Test func signInRotatesTheSessionAndSignOutEndsIt() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let browser = try await StaffTest.signIn("ana", on: client)
            let first = try #require(browser.cookieValue("appeals_staff"))
            #expect(first.count == 64)
            try await browser.get("/staff", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Hello, Ana Reviewer"))
            }
            // Signing in again gives a new token; the old one no longer opens anything.
            try await browser.get("/staff/sign-in", on: client) { _ in }
            try await browser.post("/staff/sign-in", [("email", "ANA@riverton.example"), ("password", StaffTest.password)], on: client) {
                _ in
            }
            let second = try #require(browser.cookieValue("appeals_staff"))
            #expect(second != first)
            let stale = Browser()
            stale.setCookie("appeals_staff", first)
            try await stale.get("/staff", on: client) { #expect($0.headers[.location]?.hasPrefix("/staff/sign-in") == true) }

            try await browser.get("/staff", on: client) { _ in }
            try await browser.post("/staff/sign-out", [], on: client) { #expect($0.headers[.location] == "/staff/sign-in?signed-out=1") }
            let after = Browser()
            after.setCookie("appeals_staff", second)
            try await after.get("/staff", on: client) { #expect($0.headers[.location]?.hasPrefix("/staff/sign-in") == true) }
            let db = try #require(box.db)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'sign_in' AND actor_id = 'ana'") == 2)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'sign_out' AND actor_id = 'ana'") == 1)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM staff_sessions WHERE staff_id = 'ana'") == 0)
        }
    }

    @Test func aWrongPasswordAndAnUnknownEmailGetTheSameMessageAndAreAudited() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await browser.get("/staff/sign-in", on: client) { _ in }
            for email in ["ana@riverton.example", "nobody@riverton.example"] {
                try await browser.post("/staff/sign-in", [("email", email), ("password", "not-the-password")], on: client) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(response.text.contains("The email address or password is not right"))
                    #expect(response.text.contains("value=\"\(email)\""), "the email stays typed")
                }
            }
            #expect(browser.cookieValue("appeals_staff") == nil)
            #expect(
                try await box.db!.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'sign_in_failed'") == 2)
        }
    }

    @Test func tenFailuresPauseTheAccountFromThatAddressEvenForTheRightPassword() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let browser = Browser()
            try await browser.get("/staff/sign-in", on: client) { _ in }
            for _ in 0..<10 {
                try await browser.post(
                    "/staff/sign-in", [("email", "ben@riverton.example"), ("password", "guess-guess-guess")], on: client
                ) { _ in }
            }
            try await browser.post("/staff/sign-in", [("email", "ben@riverton.example"), ("password", StaffTest.password)], on: client) {
                response in
                #expect(response.status == .unprocessableContent)
                let minutes = response.text.firstMatch(of: /Too many failed attempts. Try again in (\d+) minutes?,/).flatMap { Int($0.1) }
                #expect(minutes.map { (1...15).contains($0) } == true, "the rest of the 15-minute window")
            }
        }
    }

    @Test func idleAndAbsoluteLimitsEndSessions() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            func set(_ assignment: String, for id: String) async throws {
                try await db.withConnection {
                    try await $0.raw(SQLQueryString("UPDATE staff_sessions SET \(unsafeRaw: assignment) WHERE staff_id = \(bind: id)"))
                        .run()
                }
            }
            let idle = try await StaffTest.signIn("ana", on: client)
            try await set("last_seen_at = '\(ISO8601Timestamp.formatUTC(TestClock.pinned.addingTimeInterval(-31 * 60)))'", for: "ana")
            try await idle.get("/staff/queue", on: client) { #expect($0.headers[.location] == "/staff/sign-in?next=/staff/queue") }

            let old = try await StaffTest.signIn("ben", on: client)
            try await set("expires_at = '\(ISO8601Timestamp.formatUTC(TestClock.pinned.addingTimeInterval(-1)))'", for: "ben")
            try await old.get("/staff", on: client) { #expect($0.headers[.location]?.hasPrefix("/staff/sign-in") == true) }

            let fresh = try await StaffTest.signIn("cleo", on: client)
            try await set("last_seen_at = '\(ISO8601Timestamp.formatUTC(TestClock.pinned.addingTimeInterval(-29 * 60)))'", for: "cleo")
            try await fresh.get("/staff", on: client) { #expect($0.status == .ok, "29 idle minutes are within the limit") }
        }
    }

    @Test func disablingAnAccountEndsItsSessions() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let browser = try await StaffTest.signIn("dan", on: client)
            try await browser.get("/staff", on: client) { #expect($0.status == .ok) }
            try await SQLStaffAccounts(database: box.db!).setActive(
                StaffID("dan"), active: false,
                audit: AuditEntry(
                    caseReference: nil, at: TestClock.pinned, actor: Actor(role: .administrator, staffID: StaffID("fay")),
                    event: "staff_disabled",
                    from: nil, to: nil))
            try await browser.get("/staff", on: client) { #expect($0.headers[.location]?.hasPrefix("/staff/sign-in") == true) }
            try await browser.get("/staff/sign-in", on: client) { _ in }
            try await browser.post("/staff/sign-in", [("email", "dan@riverton.example"), ("password", StaffTest.password)], on: client) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }

    @Test func theNextPageMustBeInsideTheWorkspace() {
        #expect(StaffAuthController.safeNext("/staff/queue?view=team") == "/staff/queue?view=team")
        #expect(StaffAuthController.safeNext("https://evil.example/") == "/staff")
        #expect(StaffAuthController.safeNext("//evil.example/staff") == "/staff")
        #expect(StaffAuthController.safeNext(nil) == "/staff")
    }

    @Test func passwordsMustBeLongUncommonAndNotTheName() {
        #expect(PasswordPolicy.problems("short", name: "Ana Reviewer", email: "ana@x.org") == [.tooShort(minimum: 12)])
        #expect(PasswordPolicy.problems("password1234", name: "Ana Reviewer", email: "ana@x.org") == [.common])
        #expect(PasswordPolicy.problems("123456789012", name: "Ana Reviewer", email: "ana@x.org") == [.common])
        #expect(PasswordPolicy.problems("reviewer-is-me-2026", name: "Ana Reviewer", email: "ana@x.org") == [.containsName])
        #expect(PasswordPolicy.problems("plum-orbit-cactus-91", name: "Ana Reviewer", email: "ana@x.org").isEmpty)
    }
}
