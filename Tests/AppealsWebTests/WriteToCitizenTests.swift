import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// "Write to the citizen" on the case page: previewed as it will go, sent once, by the citizen's own channel.
@Suite("Staff write to the citizen from the case, once, the way the citizen chose")
struct WriteToCitizenTests {
    static let words = "We received your photos, thank you.\n\nThe reviewer will look at the sign on Elm Street this week."

    @Test func anAgentPreviewsAMessageSendsItOnceAndItGoesByEmailWithAReplyAddress() async throws {
        try await NotificationTests.withSMTPServer { port, folder in
            let configuration = InboundMailTests.configuration(port: port)
            let clock = TestClock()
            let box = Box()
            try await WebTest.withApp(
                configuration: configuration, clock: clock,
                seed: {
                    try await StaffTest.seed($0); box.db = $0
                }
            ) { client in
                let db = try #require(box.db)
                try await db.withConnection { try await $0.raw("DELETE FROM notifications").run() }
                let reference = try await NotificationTests.fileByEmail(client, db, email: "lena.fischer@example.com")
                try await db.withConnection { try await $0.raw("DELETE FROM notifications").run() }  // its acknowledgement
                let form = "/staff/cases/\(reference)/message"
                let agent = try await StaffTest.signIn("dan", on: client)
                try await agent.get("/staff/cases/\(reference)", on: client) {
                    #expect($0.text.contains("<h2 id=\"write-heading\">Write to the citizen</h2>"))
                }
                // Nothing written, then too much: said beside the field, the words kept.
                try await agent.post(form, [("words", "  "), ("action", "preview")], on: client) {
                    #expect($0.status == .unprocessableContent)
                    #expect($0.text.contains("Write what you want to tell the citizen"))
                }
                let tooLong = String(repeating: "Ñandú ", count: 101)
                try await agent.post(form, [("words", tooLong), ("action", "preview")], on: client) {
                    #expect($0.status == .unprocessableContent)
                    #expect($0.text.contains("Shorten the message to 600 characters or fewer"))
                    #expect($0.text.contains("Ñandú Ñandú"))
                }
                let key = try await agent.post(form, [("words", Self.words), ("action", "preview")], on: client) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("It goes by e-mail to <strong>lena.fischer@example.com</strong>"))
                    #expect(response.text.contains("Subject: <strong>A message about your appeal"))
                    #expect(response.text.contains("The reviewer will look at the sign on Elm Street this week."))
                    return try #require(response.text.firstMatch(of: /name="key" value="([0-9a-f-]{36})"/)?.output.1).description
                }
                // "Change the words" brings them back to the case page's form.
                try await agent.post(form, [("words", Self.words), ("action", "edit")], on: client) {
                    #expect($0.status == .ok)
                    #expect($0.text.contains("We received your photos, thank you."))
                }
                for _ in 0..<2 {  // a second press of Send queues nothing more
                    try await agent.post(form, [("words", Self.words), ("key", key), ("action", "send")], on: client) {
                        #expect($0.status == .found)
                        #expect($0.headers[.location] == "/staff/cases/\(reference)#timeline")
                    }
                }
                #expect(try await db.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'staff_message'") == 1)
                #expect(
                    try await db.count(
                        "SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference)' AND kind = 'message_written' AND actor = 'dan'"
                    )
                        == 1)
                let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
                #expect(try await adapters.deliverNotifications(by: "test").run() == 1)
                let eml = try String(
                    contentsOf: folder.appendingPathComponent(
                        try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".eml") })),
                    encoding: .utf8)
                #expect(eml.contains("\r\nReply-To: appeals+"))
                let text = try NotificationTests.plainText(eml)
                #expect(
                    text.contains("We received your photos, thank you.\n\nThe reviewer will look at the sign on Elm Street this week."),
                    "\(text)")
                try await agent.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Message written to the citizen")) }
                // An auditor reads; they do not write.
                let auditor = try await StaffTest.signIn("gus", on: client)
                try await auditor.post(form, [("words", Self.words), ("action", "preview")], on: client) {
                    #expect($0.status == .forbidden)
                }
            }
        }
    }

    @Test func aCitizenWhoChoseThePostGetsTheWordsInALetter() async throws {
        let clock = TestClock()
        let box = Box()
        let configuration = WebTest.configuration()
        try await WebTest.withApp(
            configuration: configuration, clock: clock,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try await PrintRoomTests.fileByPost(client, db, name: "Guadalupe Fernández-Villaseñor")
            let clerk = try await StaffTest.signIn("eve", on: client)
            let form = "/staff/cases/\(reference)/message"
            try await clerk.get("/staff/cases/\(reference)", on: client) { #expect($0.status == .ok) }
            let key = try await clerk.post(form, [("words", Self.words)], on: client) { response in
                #expect(response.text.contains("it goes as a letter to the address on the case"))
                return try #require(response.text.firstMatch(of: /name="key" value="([0-9a-f-]{36})"/)?.output.1).description
            }
            try await clerk.post(form, [("words", Self.words), ("key", key), ("action", "send")], on: client) {
                #expect($0.status == .found)
            }
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 100)
            let id = try #require(
                try await db.strings("SELECT id AS v FROM letters WHERE case_reference = '\(reference)' AND kind = 'message'").first)
            #expect(try await db.strings("SELECT status AS v FROM letters WHERE id = '\(id)'") == ["ready"])
            let pdf = try await clerk.get("/staff/letters/\(id)/pdf", on: client) { Data(buffer: $0.body) }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("message-\(id).pdf")
            try pdf.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let text = try IMAPServer.command("/usr/bin/pdftotext", [file.path, "-"])
            #expect(text.contains("We received your photos, thank you."), "\(text)")
            #expect(text.contains("Guadalupe Fernández-Villaseñor"), "\(text)")
        }
    }
}
