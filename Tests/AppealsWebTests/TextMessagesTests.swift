import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Texts both ways, through the provider's REST API and its signed webhook. The provider is the one stand-in: a
/// small server on loopback that speaks its API (the real one cannot be reached from here).
@Suite("Texts go out through the provider and come back to the case")
struct TextMessagesTests {
    static let account = "AC0123456789abcdef0123456789abcdef"
    static let token = "provider-auth-token-2026"
    static let mobile = "+12035550144"
    /// Numbers the stand-in refuses for good (an invalid number), and for now (its own trouble).
    static let invalidNumber = "+12035550109"
    static let troubledNumber = "+12035550110"

    /// What the stand-in provider was asked to send, in order.
    final class Sent: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [[String: String]] = []
        var all: [[String: String]] { lock.withLock { list } }
        func add(_ form: [String: String]) { lock.withLock { list.append(form) } }
    }

    /// The stand-in: `POST /2010-04-01/Accounts/{account}/Messages.json` with basic authentication, as the provider.
    static func withProvider(_ body: @escaping @Sendable (_ port: Int, _ sent: Sent) async throws -> Void) async throws {
        let sent = Sent()
        let router = Router()
        router.post("/2010-04-01/Accounts/:account/Messages.json") { request, context -> Response in
            var request = request
            let credentials = Data("\(account):\(token)".utf8).base64EncodedString()
            guard context.parameters.get("account") == account, request.headers[.authorization] == "Basic \(credentials)" else {
                return Self.json(.unauthorized, #"{"code":20003,"message":"Authenticate"}"#)
            }
            let form = String(buffer: try await request.collectBody(upTo: 65_536))
            let fields = Dictionary(
                (URLComponents(string: "?" + form)?.queryItems ?? []).map { ($0.name, $0.value ?? "") },
                uniquingKeysWith: { first, _ in first })
            switch fields["To"] {
            case invalidNumber: return Self.json(.badRequest, #"{"code":21211,"message":"The 'To' number is not a valid phone number."}"#)
            case troubledNumber: return Self.json(.serviceUnavailable, #"{"code":20500,"message":"Internal Server Error"}"#)
            default:
                sent.add(fields)
                return Self.json(.created, #"{"sid":"SM\#(sent.all.count)","status":"queued"}"#)
            }
        }
        let provider = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await provider.test(.live) { client in try await body(try #require(client.port), sent) }
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    struct Scenario {
        let client: any TestClientProtocol
        let db: AppDatabase
        let adapters: Adapters
        let sent: Sent
        let webhook: String

        /// The provider's call to the webhook, signed as it signs.
        func call(_ parameters: [(name: String, value: String)], query: String = "", signedWith key: String = TextMessagesTests.token)
            async throws -> TestResponse
        {
            let path = "/webhooks/sms" + query
            let signature = TextSignature(authToken: key).sign(url: webhook + query, parameters: parameters)
            let body = parameters.map { $0.name + "=" + ($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
                .joined(separator: "&")
            return try await client.execute(
                uri: path, method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: signature],
                body: ByteBuffer(string: body))
        }

        /// A body as sent, with the signature header given (none when nil).
        func raw(_ body: String, signature: String?) async throws -> TestResponse {
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            if let signature { headers[HTTPField.Name("X-Twilio-Signature")!] = signature }
            return try await client.execute(uri: "/webhooks/sms", method: .post, headers: headers, body: ByteBuffer(string: body))
        }

        /// A citizen's text from `from`.
        func text(_ body: String, from: String = TextMessagesTests.mobile, id: String) async throws -> TestResponse {
            try await call([
                ("MessageSid", id), ("AccountSid", TextMessagesTests.account), ("From", from), ("To", "+12035550000"), ("Body", body),
            ])
        }

        func state(_ reference: String) async throws -> [String] {
            try await db.strings("SELECT state AS v FROM cases WHERE reference = '\(reference)'")
        }
    }

    static func withScenario(_ body: @escaping @Sendable (Scenario) async throws -> Void) async throws {
        try await withProvider { port, sent in
            let configuration = {
                var configuration = WebTest.configuration()
                configuration.dataFolder = configuration.uploadsFolder + "-data"
                configuration.sms = .init(apiURL: "http://127.0.0.1:\(port)", accountSID: account, authToken: token, from: "+12035550000")
                return configuration
            }()
            let clock = TestClock()
            let box = Box()
            try await WebTest.withApp(
                configuration: configuration, clock: clock,
                seed: {
                    try await StaffTest.seed($0); box.db = $0
                }
            ) { client in
                let db = try #require(box.db)
                try await db.withConnection { try await $0.raw("DELETE FROM notifications").run() }  // the seeded cases' messages
                let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
                try await body(
                    Scenario(
                        client: client, db: db, adapters: adapters, sent: sent, webhook: adapters.authority.publicURL + "/webhooks/sms"))
            }
        }
    }

    static func fileByText(_ s: Scenario, mobile: String = mobile, email: String? = nil) async throws -> String {
        try await PrintRoomTests.fileOnTheWeb(
            s.client, s.db,
            contact: [("name", "Ana Lucía Pérez"), ("address", "12 Elm Street\nRiverton RV 20501"), ("mobile", mobile), ("channel", "sms")]
                + (email.map { [("email", $0)] } ?? []))
    }

    static let reviewer = Actor(role: .reviewer, staffID: StaffID("ana"), startedOn: LocalDate(year: 2020, month: 1, day: 1))

    @Test func aTextGoesThroughTheProvidersAPIAndItsReceiptsMarkItDeliveredOrFailed() async throws {
        try await Self.withScenario { s in
            let reference = try await Self.fileByText(s)
            let refused = try await Self.fileByText(s, mobile: Self.invalidNumber)
            let troubled = try await Self.fileByText(s, mobile: Self.troubledNumber)
            #expect(try await s.adapters.deliverNotifications(by: "test").run() == 3)
            let sent = try #require(s.sent.all.first)
            let outbox = try #require(
                try await s.db.strings(
                    "SELECT id AS v FROM notifications WHERE case_reference = '\(reference)' AND kind = 'acknowledgement'"
                )
                .first)
            #expect(sent["To"] == Self.mobile)
            #expect(sent["From"] == "+12035550000")
            #expect(sent["Body"]?.contains("Your reference is") == true)
            #expect(sent["StatusCallback"] == s.webhook + "?outbox=" + outbox)
            #expect(s.sent.all.count == 1)
            // Refused for good: failed at once, and the acknowledgement goes by letter. The provider's trouble: later.
            #expect(try await s.db.strings("SELECT status AS v FROM notifications WHERE case_reference = '\(refused)'") == ["failed"])
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM letters WHERE case_reference = '\(refused)'") == 1)
            #expect(try await s.db.strings("SELECT status AS v FROM notifications WHERE case_reference = '\(troubled)'") == ["pending"])

            // A receipt whose signature is not the provider's is refused and changes nothing.
            let delivered: [(name: String, value: String)] = [("MessageSid", "SM1"), ("MessageStatus", "delivered")]
            #expect(try await s.call(delivered, query: "?outbox=\(outbox)", signedWith: "someone-else").status == .forbidden)
            #expect(try await s.call(delivered, query: "?outbox=other", signedWith: Self.token).status == .ok)
            let deliveredAt = "SELECT delivered_at AS v FROM notifications WHERE id = '\(outbox)' AND delivered_at IS NOT NULL"
            #expect(try await s.db.strings(deliveredAt).isEmpty)
            #expect(try await s.call(delivered, query: "?outbox=\(outbox)").status == .ok)
            #expect(try await s.db.strings(deliveredAt).count == 1)

            // The phone network gives up on a text the provider had accepted: failed, and a letter instead.
            let later = try await Self.fileByText(s, mobile: "+12035550177")
            #expect(try await s.adapters.deliverNotifications(by: "test").run() == 1)
            let laterID = try #require(try await s.db.strings("SELECT id AS v FROM notifications WHERE case_reference = '\(later)'").first)
            for _ in 0..<2 {  // the provider retries its callbacks: the second changes nothing
                let response = try await s.call(
                    [("MessageSid", "SM2"), ("MessageStatus", "undelivered"), ("ErrorCode", "30003")], query: "?outbox=\(laterID)")
                #expect(response.status == .ok)
            }
            #expect(try await s.db.strings("SELECT status AS v FROM notifications WHERE id = '\(laterID)'") == ["failed"])
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM letters WHERE case_reference = '\(later)'") == 1)
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(later)' AND kind = 'message_failed' AND summary LIKE '%30003%'"
                ) == 1)
        }
    }

    @Test func aTextFromTheCasesNumberIsItsAnswerAndAReplayIsStoredOnce() async throws {
        try await Self.withScenario { s in
            let reference = try #require(CaseReference(try await Self.fileByText(s)))
            try await s.adapters.engine.apply(.startReview, to: reference, by: Self.reviewer)
            try await s.adapters.engine.apply(.requestInformation, to: reference, by: Self.reviewer)
            for _ in 0..<2 {
                let response = try await s.text("The sign was covered by a tree branch, photo sent by email", id: "SMa1")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/xml") == true)
                #expect(String(buffer: response.body).hasSuffix("<Response></Response>"))
            }
            #expect(try await s.state(reference.value) == ["in_review"])
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference.value)' AND kind = 'information_provided' AND channel = 'sms'"
                ) == 1)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages") == 1)
            // A second text is a message on the timeline for staff.
            _ = try await s.text("Thank you", id: "SMa2")
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference.value)' AND kind = 'message_received'") == 1
            )
            // An agent who looks the caller's number up sees that a message waits.
            let agent = try await StaffTest.signIn("dan", on: s.client)
            try await agent.get("/agent?q=\(Self.mobile.replacingOccurrences(of: "+", with: "%2B"))", on: s.client) {
                #expect($0.text.contains(reference.grouped))
                #expect($0.text.contains("New message from the citizen"))
            }
            // A wrong signature: refused, nothing stored.
            let forged = try await s.call([("MessageSid", "SMa3"), ("From", Self.mobile), ("Body", "hello")], signedWith: "guess")
            #expect(forged.status == .forbidden)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages") == 2)
        }
    }

    @Test func aHostileOrBrokenWebhookCallIsRefusedAndChangesNothing() async throws {
        try await Self.withScenario { (s: Scenario) async throws in
            #expect(try await s.raw("From=%2B12035550144&Body=hi&MessageSid=SMx", signature: nil).status == .forbidden)
            #expect(try await s.raw("From=%ZZ&Body=%00", signature: "x").status == .badRequest)
            #expect(try await s.raw("Body=\(String(repeating: "a", count: 70_000))", signature: "x").status == .contentTooLarge)
            // Signed by the provider, but without the fields a text has.
            #expect(try await s.call([("Body", "hi")]).status == .badRequest)
            // A text with a huge id, number and body is stored cut to size.
            let long = String(repeating: "9", count: 5_000)
            #expect(try await s.call([("MessageSid", long), ("From", long), ("Body", String(repeating: "ü", count: 8_000))]).status == .ok)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages WHERE length(message_key) <= 104") == 1)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages") == 1)
        }
    }

    @Test func stopEndsTextsToTheNumberAndItsCasesAreKeptInformedByEmailOrPost() async throws {
        try await Self.withScenario { s in
            let withEmail = try await Self.fileByText(s, email: "ana.perez@example.com")
            let withoutEmail = try await Self.fileByText(s)
            #expect(try await s.adapters.deliverNotifications(by: "test").run() == 2)
            #expect(s.sent.all.count == 2)
            // Two open cases have the number: a message goes to the Unmatched queue, for staff to choose.
            _ = try await s.text("Is my appeal decided yet?", id: "SMb1")
            #expect(
                try await s.db.strings("SELECT why AS v FROM inbound_messages WHERE message_key = 'sms:SMb1' AND disposition = 'unmatched'")
                    == ["several_cases"])
            // Staff answer it, by text, to the number (no case's facts in it).
            let unmatched = try #require(
                try await s.db.strings("SELECT id AS v FROM inbound_messages WHERE message_key = 'sms:SMb1'").first)
            #expect(
                try await s.adapters.unmatchedMessages.answer(
                    unmatched, with: "Which of your two appeals do you mean? Reply with its reference.",
                    by: Actor(role: .phoneAgent, staffID: StaffID("dan"))))
            #expect(try await s.adapters.deliverNotifications(by: "test").run() == 1)
            #expect(s.sent.all.last?["To"] == Self.mobile)
            #expect(
                s.sent.all.last?["Body"]
                    == "City of Riverton Parking Services: Which of your two appeals do you mean? Reply with its reference. Please include your case reference when you reply."
            )
            let help = try await s.text("help", id: "SMb2")
            #expect(
                String(buffer: help.body).contains("<Message>City of Riverton Parking Services: texts about your parking-ticket appeal."))
            #expect(String(buffer: try await s.text("Stop", id: "SMb3").body).hasSuffix("<Response></Response>"))
            let channels = try await s.db.strings(
                "SELECT preferred_channel AS v FROM appeals WHERE case_reference IN ('\(withEmail)', '\(withoutEmail)') ORDER BY email")
            #expect(channels.sorted() == ["email", "letter"])
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'texts_stopped'") == 2)
            // The next message to each: an e-mail for one, a letter's case for the other; no text.
            for reference in [withEmail, withoutEmail] {
                let id = try #require(CaseReference(reference))
                try await s.adapters.engine.apply(.startReview, to: id, by: Self.reviewer)
                try await s.adapters.engine.apply(.requestInformation, to: id, by: Self.reviewer)
            }
            _ = try await s.adapters.deliverNotifications(by: "test").run()
            #expect(s.sent.all.count == 3)
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(withEmail)' AND kind = 'message_sent' AND channel = 'email'"
                )
                    == 1)
            // A case filed later with the same number and texts chosen gets no text either.
            let later = try await Self.fileByText(s)
            _ = try await s.adapters.deliverNotifications(by: "test").run()
            #expect(s.sent.all.count == 3)
            #expect(
                try await s.db.count("SELECT COUNT(*) AS n FROM letters WHERE case_reference = '\(later)' AND kind = 'acknowledgement'")
                    == 1)
            // START: texts again, and the cases STOP switched are back on texts; the next message to one goes by text.
            let start = try await s.text("START", id: "SMb4")
            #expect(String(buffer: start.body).contains("<Message>City of Riverton Parking Services: you will get texts"))
            let again = try await s.db.strings(
                "SELECT preferred_channel AS v FROM appeals WHERE case_reference IN ('\(withEmail)', '\(withoutEmail)', '\(later)')")
            #expect(again == ["sms", "sms", "sms"])
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'texts_started'") == 2)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM texts_stopped") == 0)
            try await s.adapters.engine.apply(.citizenResponded, to: try #require(CaseReference(withEmail)), by: .citizen)
            try await s.adapters.engine.apply(
                .decide(DecisionDraft(outcome: .cancelled, reasonCode: .signageInadequate)), to: try #require(CaseReference(withEmail)),
                by: Self.reviewer)
            _ = try await s.adapters.deliverNotifications(by: "test").run()
            #expect(s.sent.all.count == 4)
            #expect(s.sent.all.last?["Body"]?.contains("we have decided your appeal") == true)
        }
    }
}
