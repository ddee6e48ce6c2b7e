import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Synchronization
import Testing

@Suite("The status API for the automated phone line: keys, scopes, rates, problem+json, and the document as the contract")
struct StatusAPITests {
    /// Keys made as an administrator makes them: each with its scopes and rate.
    static let full = "apk_" + String(repeating: "a1", count: 24)
    static let statusOnly = "apk_" + String(repeating: "b2", count: 24)
    static let slow = "apk_" + String(repeating: "c3", count: 24)
    static let revoked = "apk_" + String(repeating: "d4", count: 24)

    static func seed(_ db: AppDatabase) async throws {
        try await StaffTest.seed(db)
        try await createKeys(db)
    }

    static func createKeys(_ db: AppDatabase) async throws {
        let admin = SQLAdministration(database: db)
        func audit(_ detail: String) -> AuditEntry {
            AuditEntry(
                caseReference: nil, at: TestClock.pinned, actor: Actor(role: .administrator, staffID: StaffID("fay")),
                event: "api_key_created", from: nil, to: nil, detail: detail)
        }
        let keys: [(String, Set<APIScope>, Int)] = [
            (full, [.statusRead, .casesByPhone], 10_000), (statusOnly, [.statusRead], 10_000), (slow, [.statusRead], 3),
            (revoked, [.statusRead], 10_000),
        ]
        for (key, scopes, rate) in keys {
            try await admin.createAPIKey(
                name: String(key.prefix(8)), key: key, scopes: scopes, requestsPerMinute: rate, by: StaffID("fay"), audit: audit(key))
        }
        let id = try #require(try await StaffTest.value(db, "SELECT id AS v FROM api_keys WHERE prefix = '\(revoked.prefix(8))'"))
        try await admin.revokeAPIKey(id: id, audit: audit("revoked"))
    }

    struct Answer: Sendable, Encodable {
        let path: String
        let status: Int
        let contentType: String
        let headers: [String]
        let body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        var code: String? { json?["code"] as? String }
        enum CodingKeys: String, CodingKey { case path, status, contentType, headers, body }
    }

    /// Every answer of a test, for checking against the document at the end.
    final class Recorder: Sendable {
        let answers = Mutex<[Answer]>([])

        func get(_ path: String, key: String?, on client: any TestClientProtocol) async throws -> Answer {
            var headers = HTTPFields()
            if let key { headers[.authorization] = "Bearer \(key)" }
            let answer = try await client.execute(uri: path, method: .get, headers: headers, body: nil) { response in
                Answer(
                    path: path, status: response.status.code, contentType: response.headers[.contentType] ?? "",
                    headers: response.headers.map(\.name.canonicalName), body: String(buffer: response.body))
            }
            answers.withLock { $0.append(answer) }
            return answer
        }

        /// Runs `scripts/check-api-responses` over every answer: each must be what the document says.
        func checkAgainstTheDocument() throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "api-answers-\(ProcessInfo.processInfo.processIdentifier)-\(answers.withLock { $0.count }).json")
            try JSONEncoder().encode(answers.withLock { $0 }).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let root = TestDatabase.repositoryRoot
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", root.appendingPathComponent("scripts/check-api-responses").path,
                root.appendingPathComponent("public/openapi.yaml").path, file.path,
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("\(answers.withLock { $0.count }) responses checked, 0 problems"), "\(text)")
        }
    }

    static func casesWithPlates(_ db: AppDatabase) async throws -> [(reference: String, plate: String, ticket: String, state: String)] {
        try await db.withConnection {
            try await $0.raw(
                "SELECT c.reference, t.plate, t.ticket_number, c.state FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number ORDER BY c.reference"
            ).all().map {
                (
                    try $0.decode(column: "reference", as: String.self), try $0.decode(column: "plate", as: String.self),
                    try $0.decode(column: "ticket_number", as: String.self), try $0.decode(column: "state", as: String.self)
                )
            }
        }
    }

    @Test func everyAnswerIsTheOneTheDocumentDescribes() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let api = Recorder()
            let cases = try await Self.casesWithPlates(db)
            #expect(Set(cases.map(\.state)).count >= 6, "the demo has cases in most states")
            var states: [String: String] = [:]
            for c in cases {
                let byReference = try await api.get("/api/v1/cases/\(c.reference)?plate=\(c.plate)", key: Self.full, on: client)
                #expect(byReference.status == 200, "\(c.reference) \(c.state): \(byReference.body)")
                #expect(byReference.contentType == "application/json")
                states[c.reference] = byReference.json?["state"] as? String
            }
            // (Read again: the deadline sweeper may have moved a case meanwhile, as it does at start-up.)
            #expect(states == Dictionary(uniqueKeysWithValues: try await Self.casesWithPlates(db).map { ($0.reference, $0.state) }))
            let first = try #require(cases.first)
            // As a caller reads it: lower case with dashes, and the plate with a space.
            let grouped = "\(first.reference.prefix(3))-\(first.reference.dropFirst(3).prefix(3))-\(first.reference.suffix(3))".lowercased()
            let spaced = "\(first.plate.prefix(3))%20\(first.plate.dropFirst(3))"
            #expect(try await api.get("/api/v1/cases/\(grouped)?plate=\(spaced)", key: Self.full, on: client).status == 200)
            let byTicket = try await api.get("/api/v1/cases?ticket=\(first.ticket)&plate=\(first.plate)", key: Self.statusOnly, on: client)
            #expect(byTicket.status == 200)
            #expect(((byTicket.json?["cases"] as? [[String: Any]])?.first?["reference"] as? String) == first.reference)
            let byPhone = try await api.get("/api/v1/cases?phone=%2B15550101000", key: Self.full, on: client)
            #expect(byPhone.status == 200)
            // A caller-ID system may send the "+" unencoded: it is still the number's.
            let unencoded = try await api.get("/api/v1/cases?phone=+15550101000", key: Self.full, on: client)
            #expect(
                unencoded.json?["phone"] as? String == "+15550101000" && unencoded.body == byPhone.body,
                "\(unencoded.body) vs \(byPhone.body)")
            let open = try await db.count(
                """
                SELECT COUNT(*) AS n FROM cases c JOIN appeals a ON a.case_reference = c.reference
                WHERE a.mobile_e164 = '+15550101000' AND c.state NOT IN ('closed', 'withdrawn', 'deemed_accepted')
                """)
            #expect(open >= 2 && (byPhone.json?["cases"] as? [[String: Any]])?.count == open, "Maria Garcia's open appeals")

            // Problems, each with its code.
            let wrongPlate = try await api.get("/api/v1/cases/\(first.reference)?plate=ZZZ999", key: Self.full, on: client)
            #expect(wrongPlate.status == 404 && wrongPlate.code == "not_found")
            let typo = String(first.reference.prefix(8)) + (first.reference.last == "2" ? "3" : "2")
            #expect(try await api.get("/api/v1/cases/\(typo)?plate=\(first.plate)", key: Self.full, on: client).code == "invalid_reference")
            #expect(try await api.get("/api/v1/cases/\(first.reference)?plate=%21", key: Self.full, on: client).code == "invalid_plate")
            #expect(try await api.get("/api/v1/cases?plate=AB12", key: Self.full, on: client).code == "missing_parameters")
            #expect(try await api.get("/api/v1/cases?ticket=%21%21&plate=AB12", key: Self.full, on: client).code == "invalid_ticket")
            #expect(try await api.get("/api/v1/cases?phone=hello", key: Self.full, on: client).code == "invalid_phone")
            let nowhere = try await api.get("/api/v1/nothing", key: Self.full, on: client)
            #expect(nowhere.status == 404 && nowhere.code == "no_such_route")
            try api.checkAgainstTheDocument()
        }
    }

    @Test func aRequestWithoutAValidKeyOrScopeIsRefusedWithAChallenge() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let api = Recorder()
            let db = try #require(box.db)
            let c = try #require(try await Self.casesWithPlates(db).first)
            let path = "/api/v1/cases/\(c.reference)?plate=\(c.plate)"
            let missing = try await api.get(path, key: nil, on: client)
            #expect(missing.status == 401 && missing.code == "missing_key")
            let unknown = try await api.get(path, key: "apk_" + String(repeating: "0", count: 48), on: client)
            #expect(unknown.status == 401 && unknown.code == "invalid_key")
            let gone = try await api.get(path, key: Self.revoked, on: client)
            #expect(gone.status == 401 && gone.code == "revoked_key")
            let noScope = try await api.get("/api/v1/cases?phone=%2B15550101000", key: Self.statusOnly, on: client)
            #expect(noScope.status == 403 && noScope.code == "insufficient_scope")
            #expect(noScope.body.contains("cases:by-phone"))
            for answer in [missing, unknown, gone, noScope] {
                #expect(answer.contentType == "application/problem+json")
                #expect(answer.headers.contains("www-authenticate"))
                #expect(!answer.body.contains(c.state), "nothing about the case")
            }
            try api.checkAgainstTheDocument()
        }
    }

    /// A look-up by ticket and plate answers the same for a ticket nobody appealed and for an appealed ticket with a
    /// plate that is not its own, malformed or not: the API says nothing of which tickets were appealed.
    @Test func aBadPlateAndAnUnknownTicketAreAnsweredAlike() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let api = Recorder()
            let appealed = try #require(try await Self.casesWithPlates(db).first).ticket
            let unappealed = try #require(
                try await StaffTest.value(
                    db,
                    "SELECT ticket_number AS v FROM tickets WHERE ticket_number NOT IN (SELECT ticket_number FROM cases) ORDER BY ticket_number LIMIT 1"
                ))
            for plate in ["ZZ99ZZZ", "%21%21", "A", String(repeating: "9", count: 30), "AB%0A12"] {
                var answers: [Answer] = []
                for ticket in [appealed, unappealed, "PCN99999999"] {
                    answers.append(try await api.get("/api/v1/cases?ticket=\(ticket)&plate=\(plate)", key: Self.statusOnly, on: client))
                }
                #expect(Set(answers.map(\.status)).count == 1, "plate \(plate): \(answers.map(\.status))")
                #expect(Set(answers.map(\.body)).count == 1, "plate \(plate): \(answers.map(\.body))")
            }
            try api.checkAgainstTheDocument()
        }
    }

    /// Failed keys count against the client's address like failed sign-ins: past the limit, every key it sends that
    /// is not already known to be good is refused for a while, so guessing keys is slowed for the guesser alone.
    @Test func failedKeysFromOneAddressAreThrottledAndOtherAddressesAreNot() async throws {
        var configuration = WebTest.configuration()
        configuration.trustedProxies = try #require(TrustedProxies(parsing: "127.0.0.1, ::1"))
        let box = Box()
        let clock = TestClock()
        try await WebTest.withApp(
            configuration: configuration, live: true, clock: clock,
            seed: {
                try await Self.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let c = try #require(try await Self.casesWithPlates(db).first)
            let path = "/api/v1/cases/\(c.reference)?plate=\(c.plate)"
            func get(_ key: String, from address: String) async throws -> (status: Int, code: String?) {
                try await client.execute(
                    uri: path, method: .get, headers: [.authorization: "Bearer \(key)", .init("X-Forwarded-For")!: address], body: nil
                ) { response in
                    let json = (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any]
                    return (response.status.code, json?["code"] as? String)
                }
            }
            let guesser = "198.51.100.7"
            for n in 0..<50 {
                let guess = "apk_" + String(format: "%048x", n)
                #expect(try await get(guess, from: guesser).status == 401, "guess \(n)")
            }
            let refused = try await get("apk_" + String(repeating: "e", count: 48), from: guesser)
            #expect(refused.status == 429 && refused.code == "too_many_failed_keys", "\(refused)")
            #expect(try await get("not-even-a-key", from: guesser).status == 429)
            #expect(try await get(Self.statusOnly, from: guesser).status == 429, "no key is tried from there for a while")
            #expect(try await get(Self.full, from: "198.51.100.8").status == 200, "another address is not held up")
            #expect(try await get("apk_" + String(repeating: "f", count: 48), from: "198.51.100.8").status == 401)
            clock.advance(seconds: 30 * 60)
            #expect(try await get(Self.statusOnly, from: guesser).status == 200, "half an hour later")
        }
    }

    @Test func eachKeyHasItsOwnRateAMinute() async throws {
        let box = Box()
        let clock = TestClock()
        try await WebTest.withApp(
            clock: clock,
            seed: {
                try await Self.seed($0); box.db = $0
            }
        ) { client in
            let api = Recorder()
            let db = try #require(box.db)
            let c = try #require(try await Self.casesWithPlates(db).first)
            let path = "/api/v1/cases/\(c.reference)?plate=\(c.plate)"
            for _ in 0..<3 { #expect(try await api.get(path, key: Self.slow, on: client).status == 200) }
            let limited = try await api.get(path, key: Self.slow, on: client)
            #expect(limited.status == 429 && limited.code == "rate_limited")
            #expect(limited.headers.contains("retry-after"))
            #expect(try await api.get(path, key: Self.statusOnly, on: client).status == 200, "another key has its own rate")
            clock.advance(seconds: 60)
            #expect(try await api.get(path, key: Self.slow, on: client).status == 200, "a new minute")
            try api.checkAgainstTheDocument()
        }
    }

    @Test func theAPISaysWhatTheAgentReadsAndEachLookUpCountsOnTheTimeline() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let api = Recorder()
            let dan = try await StaffTest.signIn("dan", on: client)
            var seen: Set<String> = []
            for c in try await Self.casesWithPlates(db) where seen.insert(c.state).inserted {
                let answer = try await api.get("/api/v1/cases/\(c.reference)?plate=\(c.plate)", key: Self.full, on: client)
                let headline = try #require(answer.json?["headline"] as? String)
                let text = try #require(answer.json?["text"] as? String)
                let script = try #require(try await dan.get("/staff/cases/\(c.reference)", on: client) { AgentScriptTests.script($0.text) })
                let unescaped = script.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacing(/\s([.,;:])/) { $0.1 }
                #expect(unescaped == "\(headline) \(text)", "\(c.state)")
            }
            let c = try #require(try await Self.casesWithPlates(db).first)
            _ = try await api.get("/api/v1/cases/\(c.reference)?plate=\(c.plate)", key: Self.full, on: client)
            _ = try await api.get("/api/v1/cases?ticket=\(c.ticket)&plate=\(c.plate)", key: Self.full, on: client)
            #expect(
                try await db.strings(
                    "SELECT channel || ' ' || CAST(checks AS TEXT) AS v FROM status_checks WHERE case_reference = '\(c.reference)'") == [
                        "phone 3"
                    ])
            try await dan.get("/staff/cases/\(c.reference)", on: client) { response in
                #expect(response.text.contains("Status looked up on the automated phone line 3 times that day"))
            }
        }
    }
}
