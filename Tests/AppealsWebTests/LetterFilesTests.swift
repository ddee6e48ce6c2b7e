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

/// A letter carries a citizen's name, address and decision: it is read by those who may read its case.
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
}
