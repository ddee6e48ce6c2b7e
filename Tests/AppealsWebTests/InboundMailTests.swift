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

/// Citizens' replies by e-mail, through the one use case both the IMAP poller and `appeals mail receive` run: the
/// 30 real-world fixtures of `Tests/Fixtures/mail` (their README says where each must land) answer a real
/// acknowledgement sent over SMTP, whose Reply-To token and Message-ID they carry.
@Suite("A citizen's e-mail reply lands on the case, once")
struct InboundMailTests {
    static let fixtures = TestDatabase.repositoryRoot.appendingPathComponent("Tests/Fixtures/mail")

    /// Each fixture's file name and where its README says it lands ("case", "bounce", "duplicate-of 01", …).
    static func expectedLandings() throws -> [(file: String, lands: String)] {
        let readme = try String(contentsOf: fixtures.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(".eml |") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0], String(cells[cells.count - 1].split(separator: " ").first ?? ""))
        }
    }

    static func configuration(port: Int) -> AppConfiguration {
        var configuration = NotificationTests.configuration(port: port)
        configuration.inboundEmailAddress = "appeals@riverton.example"
        return configuration
    }

    /// A case whose citizen (lena.fischer@example.com) was sent an acknowledgement with a Reply-To, then asked for
    /// information; another case; and each fixture with its placeholders put in for them.
    struct Scenario {
        let client: any TestClientProtocol
        let db: AppDatabase
        let adapters: Adapters
        let clock: TestClock
        let reference: CaseReference
        let other: CaseReference
        let outboxID: String
        let replyToken: String
        /// Where the loopback mail server keeps what it was sent (one `.eml` each).
        let sent: URL

        /// A fixture's bytes as they would arrive in answer to this scenario's message (to a forged address, when
        /// `forged`).
        func fixture(_ file: String, forged: Bool = false) throws -> [UInt8] {
            let raw = try String(contentsOf: InboundMailTests.fixtures.appendingPathComponent(file), encoding: .isoLatin1)
                .replacingOccurrences(of: "TOKEN_OK", with: forged ? "TOKEN_FORGED" : replyToken)
                .replacingOccurrences(of: "TOKEN_FORGED", with: outboxID.filter(\.isHexDigit) + "-0123456789abcdef0123")
                .replacingOccurrences(of: "REFERENCE_OK", with: reference.grouped)
                .replacingOccurrences(of: "REFERENCE_OTHER", with: other.grouped)
                .replacingOccurrences(of: "OUTBOX_ID", with: outboxID)
            return Array(raw.data(using: .isoLatin1) ?? Data())
        }
    }

    static func withScenario(imap: AppConfiguration.IMAPSettings? = nil, _ body: @escaping @Sendable (Scenario) async throws -> Void)
        async throws
    {
        try await NotificationTests.withSMTPServer { port, folder in
            let configuration = {
                var configuration = Self.configuration(port: port)
                configuration.imap = imap
                return configuration
            }()
            let clock = TestClock()
            let box = Box()
            try await WebTest.withApp(
                configuration: configuration, clock: clock,
                seed: {
                    try await StaffTest.seed($0); box.db = $0
                }
            ) {
                client in
                let db = try #require(box.db)
                let reference = try #require(
                    CaseReference(try await NotificationTests.fileByEmail(client, db, email: "lena.fischer@example.com")))
                let other = try #require(CaseReference(try await NotificationTests.fileByEmail(client, db, email: "someone@example.org")))
                try await db.withConnection {
                    try await $0.raw("DELETE FROM notifications WHERE case_reference <> \(bind: reference.value)").run()
                }
                let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
                #expect(try await adapters.deliverNotifications(by: "test").run() == 1)
                let eml = try String(
                    contentsOf: folder.appendingPathComponent(
                        try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".eml") })),
                    encoding: .utf8)
                let replyToken = try #require(eml.firstMatch(of: /\r\nReply-To: appeals\+([0-9a-f-]+)@riverton\.example\r\n/)?.output.1)
                let outboxID = try #require(eml.firstMatch(of: /\r\nMessage-ID: <([0-9a-f-]+)@/)?.output.1)
                // The case waits for the citizen's answer: the first reply is that answer.
                let reviewer = Actor(role: .reviewer, staffID: StaffID("ana"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
                try await adapters.engine.apply(.startReview, to: reference, by: reviewer)
                try await adapters.engine.apply(.requestInformation, to: reference, by: reviewer)
                try await body(
                    Scenario(
                        client: client, db: db, adapters: adapters, clock: clock, reference: reference, other: other,
                        outboxID: String(outboxID), replyToken: String(replyToken), sent: folder))
            }
        }
    }

    /// What every fixture leaves, however it arrived.
    static func expectTheRowsOfEveryFixture(_ s: Scenario) async throws {
        let (db, reference) = (s.db, s.reference)
        let landings = try expectedLandings()
        #expect(try await db.count("SELECT COUNT(*) AS n FROM inbound_messages") == landings.count - 1)
        for (disposition, lands) in [
            ("on_case", ["case", "case-by-subject"]), ("unmatched", ["unmatched"]), ("auto_reply", ["auto-reply"]), ("bounce", ["bounce"]),
        ] {
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM inbound_messages WHERE disposition = '\(disposition)'")
                    == landings.filter { lands.contains($0.lands) }.count, "\(disposition)")
        }
        // The first reply was the answer (the review resumed); the others are messages on the timeline.
        #expect(try await db.strings("SELECT state AS v FROM cases WHERE reference = '\(reference.value)'") == ["in_review"])
        #expect(
            try await db.count(
                "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference.value)' AND kind = 'information_provided' AND channel = 'email'"
            ) == 1)
        #expect(
            try await db.count(
                "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference.value)' AND kind = 'message_received'")
                == landings.filter { ["case", "case-by-subject"].contains($0.lands) }.count - 1)
        // The bounce marked the acknowledgement failed, and it goes by letter instead.
        #expect(try await db.strings("SELECT status AS v FROM notifications WHERE id = '\(s.outboxID)'") == ["failed"])
        #expect(
            try await db.count("SELECT COUNT(*) AS n FROM letters WHERE case_reference = '\(reference.value)' AND kind = 'acknowledgement'")
                == 1)
        // The photos, the HEIC and the PDF are the case's evidence; the hostile and the fake files are not.
        let names = try await db.strings("SELECT original_name AS v FROM evidence WHERE case_reference = '\(reference.value)'")
        #expect(names.contains("IMG_4471.jpg"), "\(names)")
        #expect(!names.contains { $0.hasPrefix("sign") }, "\(names)")
        // Nothing landed on the other case, though 27 names it in its subject.
        #expect(try await db.count("SELECT COUNT(*) AS n FROM inbound_messages WHERE case_reference = '\(s.other.value)'") == 0)
    }

    @Test func everyFixtureLandsWhereItsReadmeSaysAndEachIsStoredOnce() async throws {
        try await Self.withScenario { s in
            let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
            for (file, lands) in try Self.expectedLandings() {
                let outcome = try await receive.email(try s.fixture(file))
                switch lands {
                case "case", "case-by-subject": #expect(outcome == .stored(.onCase, s.reference), "\(file)")
                case "unmatched": #expect(outcome == .stored(.unmatched, nil), "\(file)")
                case "auto-reply":
                    guard case .stored(.autoReply, _) = outcome else {
                        Issue.record("\(file): \(outcome)")
                        continue
                    }
                case "bounce": #expect(outcome == .stored(.bounce, s.reference), "\(file)")
                case "duplicate-of": #expect(outcome == .duplicate, "\(file)")
                default: Issue.record("\(file): the README says it lands “\(lands)”")
                }
            }
            try await Self.expectTheRowsOfEveryFixture(s)
        }
    }

    @Test func anAgentReadsTheUnmatchedMessagesAndPutsOneOnItsCase() async throws {
        try await Self.withScenario { s in
            let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
            for file in ["20-forged-token.eml", "22-subject-reference-other-address.eml", "23-no-token-no-reference.eml"] {
                #expect(try await receive.email(try s.fixture(file)) == .stored(.unmatched, nil))
            }
            let agent = try await StaffTest.signIn("dan", on: s.client)
            let attach = try await agent.get("/staff/messages", on: s.client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("3 message(s) waiting"))
                #expect(response.text.contains("it may be forged"))
                return try #require(response.text.firstMatch(of: /action="(\/staff\/messages\/[0-9a-f-]+\/attach)"/)?.output.1).description
            }
            // A reference that fails its check, then one no case has: each named beside the field, the typing kept.
            try await agent.post(attach, [("reference", "ABC-DEF-GHJ")], on: s.client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Enter the case reference as nine letters and digits"))
                #expect($0.text.contains("value=\"ABC-DEF-GHJ\""))
            }
            let nobody = CaseReference(randomBits: 12_345)
            try await agent.post(attach, [("reference", nobody.grouped)], on: s.client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("No case has the reference \(nobody.grouped)"))
            }
            try await agent.post(attach, [("reference", s.reference.grouped.lowercased())], on: s.client) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/staff/cases/\(s.reference.value)")
            }
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages WHERE case_reference IS NULL") == 2)
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(s.reference.value)' AND event = 'message_attached' AND actor_id = 'dan'"
                ) == 1)
            try await agent.get("/staff/cases/\(s.reference.value)", on: s.client) { #expect($0.text.contains("Message from the citizen")) }
            // Attached already: a second submit of the same form says so, and changes nothing.
            try await agent.post(attach, [("reference", s.other.grouped)], on: s.client) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Someone put that message on a case or answered it a moment ago"))
            }
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(s.other.value)' AND kind = 'message_received'") == 0)
            // A reviewer's work is the queue of cases, not this one.
            let reviewer = try await StaffTest.signIn("ana", on: s.client)
            try await reviewer.get("/staff/messages", on: s.client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func anAgentAnswersAnUnmatchedEmailOnceAndTheAnswerGoesToItsSenderWithoutTheCasesFacts() async throws {
        try await Self.withScenario { s in
            let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
            #expect(try await receive.email(try s.fixture("23-no-token-no-reference.eml")) == .stored(.unmatched, nil))
            try await s.adapters.deliverNotifications(by: "test").run()  // the request for information, sent first
            let sentToCases = try await s.db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'message_sent'")
            let agent = try await StaffTest.signIn("dan", on: s.client)
            let answer = try await agent.get("/staff/messages", on: s.client) { response in
                #expect(response.text.contains("Your answer to priya.raman@example.com"))
                return try #require(response.text.firstMatch(of: /action="(\/staff\/messages\/[0-9a-f-]+\/answer)"/)?.output.1).description
            }
            // Nothing written, then too much: each said beside the field, the words kept, nothing queued.
            try await agent.post(answer, [("words", "  \n ")], on: s.client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Write the answer before you send it"))
            }
            let long = String(repeating: "Ä", count: WriteToCitizen.maximumLength + 1)
            try await agent.post(answer, [("words", long)], on: s.client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("The answer must be 600 characters or fewer"))
                #expect($0.text.contains(long))
            }
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'unmatched_answer'") == 0)
            let words = "Which appeal is this about? Please send us the reference from our first e-mail.\n\nThank you, Dan"
            try await agent.post(answer, [("words", words)], on: s.client) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/staff/messages?answered=1")
            }
            // Sent once: the same form again finds it gone.
            try await agent.post(answer, [("words", words)], on: s.client) {
                #expect($0.text.contains("Someone put that message on a case or answered it a moment ago"))
            }
            try await agent.get("/staff/messages", on: s.client) { #expect($0.text.contains("No message is waiting")) }
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE event = 'unmatched_message_answered' AND actor_id = 'dan'") == 1)
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: s.sent.path))
            #expect(try await s.adapters.deliverNotifications(by: "test").run() == 1)
            let sent = try #require(Set(try FileManager.default.contentsOfDirectory(atPath: s.sent.path)).subtracting(before).first)
            let eml = try String(contentsOf: s.sent.appendingPathComponent(sent), encoding: .utf8)
            #expect(eml.contains("\r\nTo: priya.raman@example.com\r\n"))
            #expect(eml.contains("\r\nSubject: Re: Parking ticket question\r\n"))
            // A reply comes to the mailbox without a token (so to this queue again), and nothing of any case is in it.
            #expect(eml.contains("\r\nReply-To: appeals@riverton.example\r\n"))
            #expect(!eml.contains(s.reference.grouped) && !eml.contains(s.other.grouped))
            #expect(
                try await s.db.count(
                    "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'unmatched_answer' AND status = 'sent' AND case_reference = ''")
                    == 1)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'message_sent'") == sentToCases)
        }
    }

    @Test func twoReceiversGivenTheSameMessagesAtOnceStoreEachOnce() async throws {
        try await Self.withScenario { s in
            let messages = try Self.expectedLandings().map { try s.fixture($0.file) }
            // Two receivers (two IMAP pollers, or a poller and the pipe) read the same mailbox at the same moment.
            let outcomes = try await withThrowingTaskGroup(of: [ReceiveMessage.Outcome].self) { group in
                for order in [messages, messages.reversed()] {
                    let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
                    group.addTask {
                        var outcomes: [ReceiveMessage.Outcome] = []
                        for message in order {
                            var outcome = try await receive.email(message)
                            // The other one holds it right now: as the poller does, leave it for the next round.
                            while outcome == .busy {
                                try await Task.sleep(for: .milliseconds(20))
                                outcome = try await receive.email(message)
                            }
                            outcomes.append(outcome)
                        }
                        return outcomes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let stored = outcomes.filter { if case .stored = $0 { true } else { false } }
            #expect(stored.count == messages.count - 1, "each message stored by one of them, the duplicate fixture by neither")
            try await Self.expectTheRowsOfEveryFixture(s)
        }
    }

    @Test func aReplyIsFlaggedNewOnTheCasePageUntilSomeoneWhoWorksTheCaseOpensIt() async throws {
        try await Self.withScenario { s in
            let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
            let priority = "SELECT priority AS n FROM cases WHERE reference = '\(s.reference.value)'"
            let before = try await s.db.count(priority)
            #expect(try await receive.email(try s.fixture("01-gmail-reply.eml")) == .stored(.onCase, s.reference))
            // A message waits: the case rises in the queues.
            #expect(try await s.db.count(priority) == before + 20)
            let page = "/staff/cases/\(s.reference.value)"
            // An auditor reads the case: the message stays new for those who work it.
            let auditor = try await StaffTest.signIn("gus", on: s.client)
            try await auditor.get(page, on: s.client) { #expect($0.text.contains("<span class=\"state-tag\">1 new</span>")) }
            // The reviewer's queue says so, until then.
            let reviewer = try await StaffTest.signIn("ana", on: s.client)
            try await reviewer.get("/staff/queue", on: s.client) { #expect($0.text.contains("New message from the citizen")) }
            let agent = try await StaffTest.signIn("dan", on: s.client)
            let opened = try await agent.get(page, on: s.client) {
                #expect($0.text.contains("Messages from the citizen <span class=\"state-tag\">1 new</span>"))
                #expect($0.text.contains("The whole message, with what it quotes"))
                return $0.text
            }
            try await agent.get(page, on: s.client) {
                #expect($0.text.contains("<h2 id=\"messages-heading\">Messages from the citizen</h2>"))
                #expect(!$0.text.contains(" new</span>"))
            }
            #expect(try await s.db.strings("SELECT read_by AS v FROM inbound_messages") == ["dan"])
            try await reviewer.get("/staff/queue", on: s.client) { #expect(!$0.text.contains("New message from the citizen")) }
            #expect(try await s.db.count(priority) == before)
            // The page that cleared it carries the case's version as it now is: acting from it is not refused.
            let version = try await s.db.count("SELECT version AS n FROM cases WHERE reference = '\(s.reference.value)'")
            #expect(opened.contains("name=\"version\" value=\"\(version)\""))
        }
    }

    @Test func theFilesOfAnUnmatchedMessageWaitWithItAndGoToTheCaseItIsPutOn() async throws {
        try await Self.withScenario { s in
            let receive = s.adapters.receiveMessage(logger: .init(label: "test"))
            #expect(try await receive.email(try s.fixture("09-jpeg-attachment.eml", forged: true)) == .stored(.unmatched, nil))
            let id = try #require(try await s.db.strings("SELECT id AS v FROM inbound_messages").first)
            let ownedByTheMessage = "SELECT COUNT(*) AS n FROM evidence WHERE draft_key = 'message:\(id)' AND case_reference IS NULL"
            #expect(try await s.db.count(ownedByTheMessage) == 1)
            // Weeks in the queue: the evidence sweep keeps them, as it keeps a live draft's.
            s.clock.advance(days: 30)
            #expect(try await s.adapters.evidenceSweep().abandonedRowsRemoved == 0)
            let agent = Actor(role: .phoneAgent, staffID: StaffID("dan"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
            #expect(try await s.adapters.unmatchedMessages.attach(id, to: s.reference, by: agent))
            #expect(try await s.db.count(ownedByTheMessage) == 0)
            #expect(
                try await s.db.strings("SELECT original_name AS v FROM evidence WHERE case_reference = '\(s.reference.value)'")
                    == ["IMG_4471.jpg"])
        }
    }

    @Test func aReceiverThatDiedHalfwayIsTakenOverOnceItsHoldEndsAndNothingIsDoneTwice() async throws {
        try await Self.withScenario { s in
            let inbox = SQLInbox(database: s.db)
            let receive = { (store: any InboxStore) in
                ReceiveMessage(
                    inbox: store, contacts: SQLCaseContacts(database: s.db), engine: s.adapters.engine,
                    evidence: s.adapters.receiveEvidence, replyAddress: s.adapters.replyAddress, clock: s.clock,
                    random: SeededRandomSource(seed: 7), logger: .init(label: "test"), hold: 600)
            }
            // The photo reply to the request for information; the receiver dies right after keeping the photo.
            let reply = try s.fixture("09-jpeg-attachment.eml")
            await #expect(throws: DiedHalfway.self) { try await receive(DiesAfterKeepingFiles(inbox: inbox)).email(reply) }
            let photos = "SELECT COUNT(*) AS n FROM evidence WHERE case_reference = '\(s.reference.value)'"
            #expect(try await s.db.count(photos) == 1)
            // Redelivered while the dead receiver's hold lasts: left for later (the pipe exits 75, IMAP leaves it).
            #expect(try await receive(inbox).email(reply) == .busy)
            #expect(try await s.db.strings("SELECT state AS v FROM cases WHERE reference = '\(s.reference.value)'") == ["awaiting_citizen"])
            s.clock.advance(seconds: 601)
            #expect(try await receive(inbox).email(reply) == .stored(.onCase, s.reference))
            #expect(try await s.db.count(photos) == 1)
            #expect(try await s.db.strings("SELECT state AS v FROM cases WHERE reference = '\(s.reference.value)'") == ["in_review"])
            #expect(try await receive(inbox).email(reply) == .duplicate)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages") == 1)
        }
    }

    @Test func repliesInARealIMAPMailboxAreReadOnceAndFlaggedOnlyWhenStored() async throws {
        let server = try IMAPServer.start()
        defer { server.stop() }
        var imap = AppConfiguration.IMAPSettings(url: "imap://127.0.0.1:\(server.port)/INBOX")
        imap.username = server.user
        imap.password = server.password
        try await Self.withScenario(imap: imap) { s in
            let files = try Self.expectedLandings().map(\.file)
            try server.deliver(try files.map { try s.fixture($0) })
            let poll = try #require(s.adapters.pollMailbox(logger: .init(label: "test")))
            #expect(try await poll.run(limit: 10) == 10)  // a batch at a time
            #expect(try await poll.run(limit: 100) == files.count - 10)
            #expect(try await poll.run(limit: 100) == 0)  // every one flagged once stored
            try await Self.expectTheRowsOfEveryFixture(s)
            // Put back unflagged (as after a poller died before flagging): read again, stored nothing more.
            try server.run("UID STORE 1:* -FLAGS ($AppealsStored)")
            let again = try await poll.run(limit: 100)
            #expect(again == files.count)
            #expect(try await s.db.count("SELECT COUNT(*) AS n FROM inbound_messages") == files.count - 1)
        }
    }
}

struct DiedHalfway: Error {}

/// The real inbox, but the receiver "dies" (throws) as soon as it has recorded its kept files.
struct DiesAfterKeepingFiles: InboxStore {
    let inbox: SQLInbox
    func claim(_ message: InboundMessage, now: Date, until: Date) async throws -> InboxClaim {
        try await inbox.claim(message, now: now, until: until)
    }
    /// A receiver that died lets go of nothing.
    func release(_ id: String) async throws {}
    func keptFiles(_ id: String, count: Int) async throws {
        try await inbox.keptFiles(id, count: count)
        throw DiedHalfway()
    }
    func finish(_ id: String, _ message: InboundMessage, interaction: Interaction?) async throws -> Bool {
        try await inbox.finish(id, message, interaction: interaction)
    }
    func caseOfOutgoing(_ id: String) async throws -> CaseReference? { try await inbox.caseOfOutgoing(id) }
    func markReturned(_ id: String, error: String, interaction: Interaction, at: Date) async throws -> Bool {
        try await inbox.markReturned(id, error: error, interaction: interaction, at: at)
    }
    func openCases(mobile: String) async throws -> [CaseReference] { try await inbox.openCases(mobile: mobile) }
    func stopTexts(_ mobile: String, at: Date, interaction: Interaction) async throws -> [CaseReference] {
        try await inbox.stopTexts(mobile, at: at, interaction: interaction)
    }
    func markDelivered(_ id: String, at: Date) async throws -> Bool { try await inbox.markDelivered(id, at: at) }
    func startTexts(_ mobile: String, interaction: Interaction) async throws -> [CaseReference] {
        try await inbox.startTexts(mobile, interaction: interaction)
    }
    func messages(of reference: CaseReference, limit: Int) async throws -> [InboundMessage] {
        try await inbox.messages(of: reference, limit: limit)
    }
    func message(_ id: String) async throws -> InboundMessage? { try await inbox.message(id) }
    func markRead(of reference: CaseReference, by staff: StaffID, at: Date) async throws {
        try await inbox.markRead(of: reference, by: staff, at: at)
    }
    func unmatched(limit: Int) async throws -> (messages: [InboundMessage], count: Int) { try await inbox.unmatched(limit: limit) }
    func attach(_ id: String, to reference: CaseReference, interaction: Interaction, audit: AuditEntry) async throws -> Bool {
        try await inbox.attach(id, to: reference, interaction: interaction, audit: audit)
    }
    func answer(_ id: String, with answer: OutboxMessage, by staff: StaffID, audit: AuditEntry) async throws -> Bool {
        try await inbox.answer(id, with: answer, by: staff, audit: audit)
    }
}

/// A throw-away Dovecot on loopback (`scripts/test-imap`), for the length of a test.
struct IMAPServer {
    let folder: String
    let port: Int
    let user: String
    let password: String

    static let script = TestDatabase.repositoryRoot.appendingPathComponent("scripts/test-imap").path

    static func start() throws -> IMAPServer {
        let words = try Self.script(["start"]).split(separator: " ").map(String.init)
        guard words.count == 4, let port = Int(words[1]) else { throw CocoaError(.fileReadCorruptFile) }
        return IMAPServer(folder: words[0], port: port, user: words[2], password: words[3])
    }

    func deliver(_ messages: [[UInt8]]) throws {
        let files = try messages.enumerated().map { index, bytes in
            let url = URL(fileURLWithPath: folder).appendingPathComponent(String(format: "fixture-%02d.eml", index))
            try Data(bytes).write(to: url)
            return url.path
        }
        _ = try Self.script(["deliver", folder] + files)
    }

    /// One IMAP command in the INBOX, with curl.
    func run(_ command: String) throws {
        _ = try Self.command(
            "/usr/bin/curl", ["-sS", "--url", "imap://127.0.0.1:\(port)/INBOX", "--user", "\(user):\(password)", "-X", command])
    }

    func stop() { _ = try? Self.script(["stop", folder]) }

    static func script(_ arguments: [String]) throws -> String { try command(script, arguments) }

    static func command(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        // Not `waitUntilExit`: after `test-imap start` has left Dovecot running, Foundation on Linux never sees the
        // script end. Its output is read to the end, so it has ended: reap it here (ECHILD if Foundation did).
        var status: Int32 = 0
        for _ in 0..<300 {
            let reaped = waitpid(process.processIdentifier, &status, WNOHANG)
            if reaped == process.processIdentifier || (reaped == -1 && errno == ECHILD) { break }
            usleep(100_000)
        }
        guard status == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
