import AppealsApp
import AppealsDomain
import AppealsEvidence
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

/// The holes a review of sign-in, forms, uploads and look-ups found (issue 11), each shown closed.
@Suite("Hardening: forms, cookies, limits, uploads and the audit trail")
struct HardeningTests {

    // MARK: - Anti-forgery bound to the staff session

    @Test func aStaffFormTakesOnlyTheTokenDerivedFromItsOwnSession() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let cleo = try await StaffTest.signIn("cleo", on: client)
            let staffToken = try await cleo.get("/staff/team", on: client) { _ in cleo.token }
            let session = try #require(cleo.cookieValue("appeals_staff"))
            // A citizen's token (or one planted as a cookie by a sibling origin) equals its cookie but is not the session's.
            let citizen = try await Browser.open("/status", on: client)
            let planted = Browser(cookie: "appeals_staff=\(session)", token: citizen.token)
            planted.setCookie("appeals_csrf", citizen.token)
            try await planted.post("/staff/admin/holidays", [("day", "2026-12-31"), ("name", "Forged")], on: client) {
                #expect($0.status == .forbidden)
            }
            try await planted.post("/staff/reassign", [("to", "ana")], on: client) { #expect($0.status == .forbidden) }
            #expect(citizen.token != staffToken)
            // The session's own token works, and a new session brings a new token.
            try await cleo.post("/staff/cases/none/note", [("note", "x")], on: client) { #expect($0.status != .forbidden) }
            let again = try await StaffTest.signIn("cleo", on: client)
            let newToken = try await again.get("/staff/team", on: client) { _ in again.token }
            #expect(newToken != staffToken && newToken.count == 64)
            let stale = Browser(cookie: "appeals_staff=\(try #require(again.cookieValue("appeals_staff")))", token: staffToken)
            try await stale.post("/staff/reassign", [("to", "ana")], on: client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func withSecureCookiesEveryCookieIsSecureAndTheAntiForgeryCookieHostOnly() async throws {
        var configuration = WebTest.configuration()
        configuration.secureCookies = true
        try await WebTest.withApp(configuration: configuration, seed: AppealJourneyTests.seed) { client in
            try await client.execute(uri: "/appeal/ticket", method: .get) { response in
                let cookies = response.headers[values: .setCookie]
                #expect(cookies.count == 2, "\(cookies)")
                #expect(cookies.allSatisfy { $0.contains("; Secure") && $0.contains("HttpOnly") }, "\(cookies)")
                #expect(cookies.contains { $0.hasPrefix("__Host-appeals_csrf=") && $0.contains("Path=/") && !$0.contains("Domain") })
                #expect(cookies.contains { $0.hasPrefix("appeals_draft=") })
                #expect(response.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
            }
        }
        try await WebTest.withApp(seed: AppealJourneyTests.seed) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.strictTransportSecurity] == nil, "plain HTTP in development: no HSTS")
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.contains("Secure") })
            }
        }
    }

    // MARK: - Look-up limits on every route that takes a reference and a plate

    @Test func withdrawingAndAnsweringCountAgainstTheLookUpLimitUnderParallelRequests() async throws {
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 5
        try await WebTest.withApp(configuration: configuration, seed: StatusPageTests.seed) { client in
            let token = try await Browser.open("/status", on: client).token
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let browser = Browser(cookie: "appeals_csrf=\(token)", token: token)
                        let guess = [("reference", CaseReference(randomBits: UInt64(index)).grouped), ("plate", "AB12CDE")]
                        if index.isMultiple(of: 2) {
                            return try await browser.post("/status/withdraw", guess, on: client) { $0.status }
                        }
                        return try await browser.upload("/status/answer", fields: guess + [("answer", "x")], files: [], on: client) {
                            $0.status
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 15, "\(statuses)")
            #expect(statuses.filter { $0 == .notFound }.count == 5, "the guesses that were let through found nothing")
        }
    }

    @Test func anAnswerWithTheWrongPlateIsRefusedBeforeAnyFileIsWritten() async throws {
        let configuration = WebTest.configuration()
        try await WebTest.withApp(configuration: configuration, seed: StatusPageTests.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            let photo = try AppealEvidenceTests.corpusFile("orientation-1.jpg")
            try await browser.upload(
                "/status/answer", fields: [("reference", StatusPageTests.reference.grouped), ("plate", "ZZ99ZZZ")],
                files: [photo, photo], fieldsFirst: true, on: client
            ) { #expect($0.status == .notFound) }
            let incoming = URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("incoming")
            #expect(try FileManager.default.contentsOfDirectory(atPath: incoming.path).isEmpty)
            #expect(
                !FileManager.default.fileExists(
                    atPath: URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("files").path)
                    || (FileManager.default.subpaths(
                        atPath: URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("files").path) ?? []).allSatisfy {
                            !$0.hasSuffix(".jpg") && $0.count <= 2
                        }
            )
        }
    }

    @Test func anUploadOfManyPartsIsRefusedAfterTheLimitAndKeepsNothing() async throws {
        let configuration = WebTest.configuration()
        try await WebTest.withApp(configuration: configuration, seed: AppealJourneyTests.seed) { client in
            let browser = Browser()
            try await AppealEvidenceTests.startAppeal(browser, on: client)
            let photo = try AppealEvidenceTests.corpusFile("orientation-1.jpg")
            try await browser.upload("/appeal/evidence", files: Array(repeating: photo, count: 40), on: client) {
                #expect($0.status == .badRequest)
            }
            let incoming = URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("incoming")
            #expect(try FileManager.default.contentsOfDirectory(atPath: incoming.path).isEmpty)
        }
    }

    // MARK: - Status checks counted per day; long staff timelines paginated

    @Test func parallelStatusViewsMakeOneCountedEntryAndTheStaffTimelineIsPaginated() async throws {
        let box = Box()
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 0
        try await WebTest.withApp(
            configuration: configuration,
            seed: { db in
                try await StaffTest.seed(db); try await StatusPageTests.seed(db); box.db = db
            }
        ) { client in
            let token = try await Browser.open("/status", on: client).token
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        let citizen = Browser(cookie: "appeals_csrf=\(token)", token: token)
                        try await citizen.post(
                            "/status", [("reference", StatusPageTests.reference.grouped), ("plate", "AB12CDE")], on: client
                        ) {
                            #expect($0.status == .ok)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let db = try #require(box.db)
            #expect(
                try await db.count("SELECT checks AS n FROM status_checks WHERE case_reference = '\(StatusPageTests.reference.value)'")
                    == 40)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM status_checks WHERE case_reference = '\(StatusPageTests.reference.value)'")
                    == 1)
            // 60 notes make the timeline longer than a page.
            let cleo = try await StaffTest.signIn("cleo", on: client)
            let path = "/staff/cases/\(StatusPageTests.reference.value)"
            try await cleo.get(path, on: client) { _ in }
            for index in 1...60 {
                try await cleo.post(path + "/note", [("note", "Note number \(index).")], on: client) { #expect($0.status == .found) }
            }
            // 60 notes, the filing, its audit event and one counted entry for the 40 status views.
            let first = try await cleo.get(path, on: client) { response -> String in
                #expect(response.text.contains("Entries 1 to 50 of 63, newest first"))
                #expect(response.text.contains("Note number 60."))
                #expect(!response.text.contains("Note number 10."))
                #expect(response.text.contains(#"href="\#(path)?timeline=2#timeline">Older entries"#))
                return response.text
            }
            let second = try await cleo.get(path + "?timeline=2", on: client) { response -> String in
                #expect(response.text.contains("Entries 51 to 63 of 63, newest first"))
                #expect(response.text.contains("Note number 10."))
                #expect(response.text.contains(#"href="\#(path)?timeline=1#timeline">Newer entries"#))
                return response.text
            }
            #expect((first + second).ranges(of: "Citizen checked the status online 40 times that day").count == 1)
            try await cleo.get(path + "?timeline=99999999999999999999", on: client) { #expect($0.status == .badRequest) }
        }
    }

    // MARK: - Uploads cannot fill the disk

    @Test func removingADraftsFileDeletesItsFilesAndADraftHasALifetimeBudget() async throws {
        var configuration = WebTest.configuration()
        configuration.evidenceLimits.maxAppealBytes = 4_000  // a lifetime budget of 12,000 bytes
        let uploads = configuration.uploadsFolder
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await AppealJourneyTests.seed($0); box.db = $0
            }
        ) { client in
            let storage = try LocalEvidenceFolder(root: URL(fileURLWithPath: uploads))
            let browser = Browser()
            try await AppealEvidenceTests.startAppeal(browser, on: client)
            let photo = try AppealEvidenceTests.corpusFile("orientation-1.jpg")
            var rounds = 0
            while rounds < 20 {
                let refused = try await browser.upload("/appeal/evidence", files: [photo], on: client) { response -> Bool in
                    response.text.contains("This appeal has been sent as many files as it can take")
                }
                if refused { break }
                rounds += 1
                let keys = try await box.db!.withConnection { db in
                    try await db.raw("SELECT original_key, display_key, thumbnail_key FROM evidence").all().flatMap { row in
                        try ["original_key", "display_key", "thumbnail_key"].compactMap { try row.decode(column: $0, as: String?.self) }
                    }
                }
                #expect(keys.count == 3)
                #expect(keys.allSatisfy { (try? storage.read($0)) != nil })
                let id = try await browser.get("/appeal/evidence", on: client) { response -> String in
                    String(try #require(response.text.firstMatch(of: /name="id" value="([0-9a-f]{32})"/)).1)
                }
                try await browser.post("/appeal/evidence/remove", [("id", id)], on: client) { #expect($0.status == .found) }
                #expect(keys.allSatisfy { (try? storage.read($0)) == nil }, "the removed file's original and copies are gone")
            }
            #expect(rounds == (3 * 4_000 + photo.data.count - 1) / photo.data.count, "upload, remove, upload stops at the budget")
            // What was typed stays.
            try await browser.get("/appeal/details", on: client) { #expect($0.text.contains("The sign was hidden by a tree.")) }
        }
    }

    // MARK: - The audit trail records what moves deadlines and who holds keys

    @Test func holidaysPoliciesAndAPIKeysAreAudited() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let fay = try await StaffTest.signIn("fay", on: client)
            try await fay.get("/staff/admin/holidays", on: client) { _ in }
            try await fay.post("/staff/admin/holidays", [("day", "2026-12-31"), ("name", "New Year's Eve")], on: client) {
                #expect($0.status == .found)
            }
            try await fay.post("/staff/admin/holidays/remove", [("day", "2026-12-31")], on: client) { #expect($0.status == .found) }
            try await fay.post(
                "/staff/admin/policies", [("kind", "decision"), ("length", "50"), ("unit", "calendar_days"), ("warning", "3")],
                on: client
            ) { #expect($0.status == .found) }
            try await fay.post(
                "/staff/admin/api-keys", [("name", "Phone system"), ("scope_status_read", "yes"), ("requests_per_minute", "60")], on: client
            ) { #expect($0.status == .ok) }
            let id = try #require(try await StaffTest.value(box.db!, "SELECT id AS v FROM api_keys"))
            try await fay.post("/staff/admin/api-keys/\(id)/revoke", [], on: client) { #expect($0.status == .found) }
            try await fay.post("/staff/admin/api-keys/\(id)/revoke", [], on: client) { #expect($0.status == .found) }
            let events = try await box.db!.withConnection { db in
                try await db.raw(
                    "SELECT event, actor_id, detail FROM audit_events WHERE actor_id = 'fay' AND event <> 'sign_in' ORDER BY seq"
                ).all()
                    .map {
                        "\(try $0.decode(column: "event", as: String.self)): \(try $0.decode(column: "detail", as: String?.self) ?? "")"
                    }
            }
            let prefix = try #require(try await StaffTest.value(box.db!, "SELECT prefix AS v FROM api_keys"))
            #expect(
                events == [
                    "holiday_added: 2026-12-31 New Year's Eve", "holiday_removed: 2026-12-31",
                    "policy_changed: decision: 50 calendar_days, warning 3",
                    "api_key_created: name=Phone system prefix=\(prefix) scopes=status:read per_minute=60", "api_key_revoked: id=\(id)",
                ])
        }
    }

    // MARK: - The client address behind a trusted proxy

    @Test func behindATrustedProxyEachForwardedClientHasItsOwnLimit() async throws {
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 2
        configuration.trustedProxies = try #require(TrustedProxies(parsing: "127.0.0.1, ::1"))
        try await WebTest.withApp(configuration: configuration, live: true, seed: StatusPageTests.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            func lookUp(_ forwardedFor: String) async throws -> HTTPResponse.Status {
                let body = "csrf_token=\(browser.token)&reference=\(StatusPageTests.reference.value)&plate=AB12CDE"
                return try await client.execute(
                    uri: "/status", method: .post,
                    headers: [
                        .cookie: browser.cookie, .contentType: "application/x-www-form-urlencoded",
                        .init("X-Forwarded-For")!: forwardedFor,
                    ], body: ByteBuffer(string: body)
                ) { $0.status }
            }
            // Each citizen behind the proxy counts alone; a forged left-most hop changes nothing.
            #expect(try await lookUp("198.51.100.1") == .ok)
            #expect(try await lookUp("10.9.9.9, 198.51.100.1") == .ok)
            #expect(try await lookUp("198.51.100.1") == .tooManyRequests)
            #expect(try await lookUp("198.51.100.2") == .ok)
            // IPv6 clients count by /64.
            #expect(try await lookUp("2001:db8:1:2::10") == .ok)
            #expect(try await lookUp("[2001:db8:1:2::99]:443") == .ok)
            #expect(try await lookUp("2001:db8:1:2:ffff::1") == .tooManyRequests)
            #expect(try await lookUp("2001:db8:1:3::1") == .ok)
        }
    }
}
