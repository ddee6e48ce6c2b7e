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

/// A letter carries a citizen's name, address and decision: it is read by those who may read its case, and the
/// files of the print room are kept like stored letters and evidence, readable by the portal's user only.
@Suite("Letters and print batches are read only by those who may")
struct LetterFilesTests {
    @Test func aLettersPDFIsReadOnlyByThoseWhoMayViewItsCase() async throws {
        let configuration = WebTest.configuration()
        let clock = TestClock()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration, clock: clock,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)
            // A letter of a case Ben holds, which Ana (a reviewer) neither holds, decided nor proposed.
            let row = try #require(
                try await StaffTest.value(
                    db,
                    """
                    SELECT l.id || ' ' || l.case_reference AS v FROM letters l JOIN cases c ON c.reference = l.case_reference
                    WHERE l.file_key IS NOT NULL AND COALESCE(c.decision, '') NOT LIKE '%"ana"%'
                      AND COALESCE(c.pending_decision, '') NOT LIKE '%"ana"%'
                    ORDER BY l.id LIMIT 1
                    """))
            let parts = row.split(separator: " ").map(String.init)
            let (letter, reference) = (parts[0], parts[1])
            try await db.withConnection {
                try await $0.raw(SQLQueryString("UPDATE cases SET assignee = 'ben' WHERE reference = \(bind: reference)")).run()
            }
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.get("/staff/cases/\(reference)", on: client) { #expect($0.status == .forbidden, "Ana may not see the case") }
            try await ana.get("/staff/letters/\(letter)/pdf", on: client) {
                #expect($0.status == .forbidden, "nor its letter: \($0.status.code)")
            }
            for person in ["ben", "eve", "gus"] {
                let browser = try await StaffTest.signIn(person, on: client)
                try await browser.get("/staff/letters/\(letter)/pdf", on: client) {
                    #expect($0.status == .ok, "\(person) reads the letter")
                    #expect($0.headers[.contentType] == "application/pdf")
                }
            }
        }
    }

    @Test func aPrintBatchAndItsManifestAreWrittenReadableByThePortalOnly() async throws {
        let configuration = WebTest.configuration()
        let clock = TestClock()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration, clock: clock,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/letters", on: client) { _ in }
            try await eve.post("/staff/letters/batches", [("until", "2026-11-23T10:00")], on: client) {
                #expect($0.headers[.location] != nil)
            }
            let keys = try await db.strings(
                "SELECT pdf_key AS v FROM letter_batches UNION ALL SELECT manifest_key AS v FROM letter_batches UNION ALL SELECT file_key AS v FROM letters WHERE file_key IS NOT NULL"
            )
            #expect(keys.count > 2)
            let root = URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("letters/files")
            for key in keys {
                let path = root.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key).path
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
                #expect(mode == 0o600, "\(key): \(String(mode, radix: 8))")
            }
        }
    }

    @Test func textMessagesAndEmailsWaitingForAProviderAreWrittenReadableByThePortalOnly() async throws {
        let configuration = {
            var configuration = WebTest.configuration()
            configuration.dataFolder = configuration.uploadsFolder + "-data"
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
            let sms = try await PrintRoomTests.fileOnTheWeb(
                client, db,
                contact: [
                    ("name", "Ana Citizen"), ("address", "1 Elm St\nRiverton RV 20501"), ("mobile", "(212) 555-0123"), ("channel", "sms"),
                ])
            let email = try await PrintRoomTests.fileOnTheWeb(
                client, db,
                contact: [
                    ("name", "Ben Citizen"), ("address", "2 Elm St\nRiverton RV 20501"), ("email", "ben@example.org"), ("channel", "email"),
                ])
            try await db.withConnection {
                try await $0.raw("DELETE FROM notifications WHERE case_reference NOT IN (\(bind: sms), \(bind: email))").run()
            }
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            #expect(try await adapters.deliverNotifications(by: "test").run() == 2)
            let data = URL(fileURLWithPath: configuration.dataFolder)
            let emails = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("mail-outbox").path)
            #expect(emails.count == 1)
            for path in [data.appendingPathComponent("sms-outbox.jsonl").path]
                + emails.map({ data.appendingPathComponent("mail-outbox").appendingPathComponent($0).path })
            {
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
                #expect(mode == 0o600, "\(path): \(String(mode, radix: 8))")
            }
        }
    }
}
