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

/// The outbox against a real SMTP server on loopback (aiosmtpd, `scripts/lib/smtp_sink.py`): the acknowledgement
/// a web appeal is promised goes by email and acknowledges the case; an address the server refuses is given up on,
/// named to staff, and the acknowledgement goes by letter instead.
@Suite("Messages to citizens go by email and say so on the case")
struct NotificationTests {
    /// An SMTP server writing what it accepts to a folder, for the length of `body`.
    static func withSMTPServer(_ body: (_ port: Int, _ folder: URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestDatabase.repositoryRoot.appendingPathComponent("scripts/lib/smtp_sink.py").path, folder.path]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
        let port = try #require(Int(String(decoding: line, as: UTF8.self)), "smtp_sink.py printed no port (is aiosmtpd installed?)")
        try await body(port, folder)
    }

    static func configuration(port: Int) -> AppConfiguration {
        var configuration = WebTest.configuration()
        var smtp = AppConfiguration.SMTPSettings(host: "127.0.0.1")
        smtp.port = port
        smtp.security = .none
        configuration.smtp = smtp
        configuration.dataFolder = configuration.uploadsFolder + "-data"
        return configuration
    }

    /// Files a web appeal whose citizen chose email; its reference.
    static func fileByEmail(_ client: any TestClientProtocol, _ db: AppDatabase, email: String) async throws -> String {
        try await PrintRoomTests.fileOnTheWeb(
            client, db,
            contact: [("name", "Nguyễn Thị Ánh"), ("address", "12 Elm Street\nRiverton RV 20501"), ("email", email), ("channel", "email")])
    }

    /// The text part of an email as the server received it.
    static func plainText(_ eml: String) throws -> String {
        let parts = eml.components(separatedBy: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        let encoded = try #require(parts.dropFirst().first?.components(separatedBy: "\r\n\r\n").first)
        return String(decoding: try #require(Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)), as: UTF8.self)
    }

    @Test func aWebAppealWithAnEmailAddressIsAcknowledgedByEmailAndNothingEscalates() async throws {
        try await Self.withSMTPServer { port, folder in
            let configuration = Self.configuration(port: port)
            let clock = TestClock()
            let box = Box()
            try await WebTest.withApp(
                configuration: configuration, clock: clock,
                seed: {
                    try await StaffTest.seed($0); box.db = $0
                }
            ) { client in
                let db = try #require(box.db)
                let reference = try await Self.fileByEmail(client, db, email: "anh@example.com")
                let grouped = try #require(CaseReference(reference)).grouped
                let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
                // Only this appeal's message: the demo's are history.
                try await db.withConnection {
                    try await $0.raw("DELETE FROM notifications WHERE case_reference <> \(bind: reference)").run()
                }
                #expect(try await adapters.deliverNotifications(by: "test").run() == 1)

                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
                #expect(files.count == 1)
                let eml = try String(contentsOf: folder.appendingPathComponent(try #require(files.first)), encoding: .utf8)
                #expect(eml.contains("To: anh@example.com"))
                #expect(eml.contains("Subject: We have your appeal \(grouped)"))
                let text = try Self.plainText(eml)
                #expect(text.hasPrefix("Dear Nguyễn Thị Ánh,"), "\(text)")
                #expect(text.contains("Your case reference is \(grouped)"))
                // The status page's own sentence (partials/status-lead).
                #expect(text.contains("A reviewer will look at it soon. We will send you our decision by"), "\(text)")
                #expect(text.contains("/status?reference=\(reference)"))

                #expect(try await db.strings("SELECT status AS v FROM notifications WHERE case_reference = '\(reference)'") == ["sent"])
                #expect(
                    try await db.count(
                        "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'acknowledge'") == 1)
                #expect(
                    try await db.strings(
                        "SELECT channel || ' ' || direction || ' ' || summary AS v FROM interactions WHERE case_reference = '\(reference)' AND kind = 'message_sent'"
                    )
                        == ["email out Acknowledgement sent to a…@example.com"])
                // Sent once: a second run finds nothing to send.
                #expect(try await adapters.deliverNotifications(by: "test").run() == 0)

                clock.advance(days: 7)
                _ = try await adapters.deadlineSweep(by: "test").run()
                #expect(
                    try await db.count(
                        "SELECT COUNT(*) AS n FROM deadline_firings WHERE case_reference = '\(reference)' AND kind = 'acknowledgement'")
                        == 0)
                #expect(
                    try await db.strings(
                        "SELECT CASE WHEN escalated THEN 'yes' ELSE 'no' END AS v FROM cases WHERE reference = '\(reference)'") == ["no"])
            }
        }
    }

    @Test func anAddressTheServerRefusesIsGivenUpOnNamedToStaffAndTheAcknowledgementGoesByLetter() async throws {
        try await Self.withSMTPServer { port, folder in
            let configuration = Self.configuration(port: port)
            let box = Box()
            try await WebTest.withApp(
                configuration: configuration,
                seed: {
                    try await StaffTest.seed($0); box.db = $0
                }
            ) { client in
                let db = try #require(box.db)
                let reference = try await Self.fileByEmail(client, db, email: "nobody@example.com")
                try await db.withConnection {
                    try await $0.raw("DELETE FROM notifications WHERE case_reference <> \(bind: reference)").run()
                }
                let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
                _ = try await adapters.deliverNotifications(by: "test").run()
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.isEmpty)
                let row = try #require(
                    try await db.strings("SELECT status || ' ' || last_error AS v FROM notifications WHERE case_reference = '\(reference)'")
                        .first)
                #expect(row.hasPrefix("failed SMTP 550"), "\(row)")
                #expect(
                    try await db.count(
                        "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'acknowledge'") == 0)
                #expect(
                    try await db.strings("SELECT kind || ' ' || status AS v FROM letters WHERE case_reference = '\(reference)'")
                        == ["acknowledgement queued"])
                let cleo = try await StaffTest.signIn("cleo", on: client)
                try await cleo.get("/staff/cases/\(reference)", on: client) { response in
                    #expect(response.text.contains("The acknowledgement message could not be sent (SMTP 550"))
                }
                try await cleo.get("/staff/team", on: client) { response in
                    #expect(response.text.contains("Acknowledgement message. Could not be sent: SMTP 550"))
                }
            }
        }
    }

    @Test func theWaitBeforeEachRetryDoublesUpToAnHour() {
        #expect((1...9).map { DeliverNotifications.backoff(afterAttempt: $0) } == [30, 60, 120, 240, 480, 960, 1_920, 3_600, 3_600])
    }
}
