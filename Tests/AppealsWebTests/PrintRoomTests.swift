import AppealsApp
import AppealsDomain
import AppealsLetters
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

/// The acknowledgement by post from end to end: a web appeal with neither email nor phone queues a letter, the
/// letters service produces it, a clerk prints it in a batch and posts it, and the case is acknowledged (so its
/// acknowledgement deadline is met and nothing escalates).
@Suite("The print room: letters produced, batched, printed and posted")
struct PrintRoomTests {
    /// Files a web appeal with these contact answers (name, address, email, channel …); its reference.
    static func fileOnTheWeb(_ client: any TestClientProtocol, _ db: AppDatabase, contact: [(String, String)]) async throws -> String {
        let ticket = try await AssistedAppealTests.freeTicket(db)
        let before = Set(try await db.strings("SELECT reference AS v FROM cases"))
        let citizen = Browser()
        try await citizen.get("/appeal/ticket", on: client) { _ in }
        try await citizen.post("/appeal/ticket", [("ticket_number", ticket.number), ("plate", ticket.plate)], on: client) {
            #expect($0.headers[.location] == "/appeal/details")
        }
        try await citizen.post(
            "/appeal/details", AssistedAppealTests.grounds + [AssistedAppealTests.statement, AssistedAppealTests.lateReason], on: client
        ) {
            #expect($0.headers[.location] == "/appeal/evidence")
        }
        try await citizen.upload("/appeal/evidence", fields: [("action", "continue")], files: [], on: client) {
            #expect($0.headers[.location] == "/appeal/contact")
        }
        try await citizen.post("/appeal/contact", contact, on: client) { #expect($0.headers[.location] == "/appeal/check") }
        try await citizen.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
        let filed = Set(try await db.strings("SELECT reference AS v FROM cases")).subtracting(before)
        return try #require(filed.first)
    }

    /// A web appeal whose citizen gave neither email nor phone.
    static func fileByPost(_ client: any TestClientProtocol, _ db: AppDatabase, name: String) async throws -> String {
        try await fileOnTheWeb(
            client, db, contact: [("name", name), ("address", "12 Elm Street\nRiverton, RV 20501"), ("channel", "letter")])
    }

    @Test func aPostedDecisionLetterStartsTheHearingWindowAndTheSweeperClosesTheCaseWhenItPasses() async throws {
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
            func decided(_ outcome: String) async throws -> String {
                try #require(
                    try await db.strings(
                        "SELECT reference AS v FROM cases WHERE state = 'decided' AND decision LIKE '%\"\(outcome)\"%' ORDER BY reference"
                    ).first)
            }
            let upheld = try await decided("upheld")
            let cancelled = try await decided("cancelled")
            func state(_ reference: String) async throws -> [String] {
                try await db.strings("SELECT state || ' ' || COALESCE(closes_at, '-') AS v FROM cases WHERE reference = '\(reference)'")
            }
            // Decided, not yet served: no closing time, and the sweeper leaves them alone.
            #expect(try await state(upheld) == ["decided -"])
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)

            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/letters", on: client) { #expect($0.status == .ok) }
            let batch = try await eve.post("/staff/letters/batches", [("until", "2026-11-23T10:00")], on: client) {
                try #require($0.headers[.location])
            }
            try await eve.post("\(batch)/printed", [], on: client) { #expect($0.status == .ok) }
            // Posted Monday 23 November: deemed served Wednesday 25 November (00:00 in New York, 05:00 UTC).
            try await eve.post("\(batch)/posted", [("posted_on", "2026-11-23")], on: client) { #expect($0.status == .ok) }
            #expect(try await state(upheld) == ["decided 2026-12-16T05:00:00Z"], "21 days from the deemed service")
            #expect(try await state(cancelled) == ["decided 2026-11-25T05:00:00Z"], "nothing to contest: closes when served")
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(upheld)' AND event = 'decision_served'") == 1)
            // The citizen's status page now gives the hearing window's last day.
            let plate = try #require(
                try await db.strings(
                    "SELECT t.plate AS v FROM tickets t JOIN cases c ON c.ticket_number = t.ticket_number WHERE c.reference = '\(upheld)'"
                ).first)
            let citizen = try await Browser.open("/status", on: client)
            try await citizen.post("/status", [("reference", upheld), ("plate", plate)], on: client) { response in
                #expect(response.text.contains("you can ask for an independent hearing until 16 December 2026"))
            }

            clock.advance(days: 2, seconds: 3_600)  // 25 November, past the service
            _ = try await adapters.deadlineSweep(by: "test").run()
            #expect(try await state(cancelled).first?.hasPrefix("closed") == true)
            #expect(try await state(upheld).first?.hasPrefix("decided") == true, "its hearing window is open")
            clock.advance(days: 21)  // 16 December, past the window
            _ = try await adapters.deadlineSweep(by: "test").run()
            _ = try await adapters.deadlineSweep(by: "test").run()
            #expect(try await state(upheld).first?.hasPrefix("closed") == true)
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference IN ('\(upheld)', '\(cancelled)') AND event = 'close' AND actor_role = 'system'"
                ) == 2, "each closed once")
        }
    }

    @Test func aLetterThatCannotBeProducedIsNamedOnTheCasePageAndToTheSupervisors() async throws {
        let configuration = WebTest.configuration()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try await Self.fileByPost(client, db, name: "Ann Other")
            try await db.withConnection {
                try await $0.raw(
                    "UPDATE appeals SET postal_address = '  ', address_lines = NULL, address_city = NULL WHERE case_reference = \(bind: reference)"
                ).run()
            }
            let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)
            #expect(
                try await db.strings("SELECT status || ': ' || problem AS v FROM letters WHERE case_reference = '\(reference)'") == [
                    "failed: The case has no postal address to write to."
                ])
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("The acknowledgement could not be sent: The case has no postal address to write to."))
            }
            try await cleo.get("/staff/team", on: client) { response in
                #expect(response.text.contains("Could not be produced: The case has no postal address to write to."))
            }
        }
    }

    /// The demo's case 35 was decided (upheld) ten days ago and a hearing asked for four days ago: its decision letter,
    /// produced only now, still states the decision. Every discount is offered until a day after the letter's date.
    @Test func aLetterStatesTheFactsOfItsEventNotWhatTheCaseSaysWhenItIsProduced() async throws {
        let configuration = WebTest.configuration()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)
            let moved = try await db.strings(
                """
                SELECT l.layout AS v FROM letters l JOIN cases c ON c.reference = l.case_reference
                WHERE c.state = 'hearing_requested' AND l.kind = 'decision'
                """)
            #expect(moved.count == 1)
            for layout in moved {
                #expect(layout.contains("We have not cancelled the ticket"), "\(layout)")
                #expect(!layout.contains("date and place of the hearing"), "\(layout)")
            }
            let letters = try await db.strings("SELECT layout AS v FROM letters WHERE kind = 'decision' AND status = 'ready'")
            let offers = letters.flatMap { $0.matches(of: /if you pay by ([0-9]{1,2}) ([A-Z][a-z]+) 2026/).map { "\($0.1) \($0.2)" } }
            #expect(!offers.isEmpty, "the demo has an upheld decision with the discount offered again")
            // The letters are dated Monday 23 November 2026: every offer runs 14 days from then.
            #expect(Set(offers) == ["7 December"])
            // A request states its question; one whose answer date passed before the letter was made names no day.
            let requests = try await db.strings("SELECT layout AS v FROM letters WHERE kind = 'request_for_information'")
            #expect(requests.count == 2)
            #expect(requests.allSatisfy { $0.contains("Please send a photo of your permit") })
            #expect(requests.filter { $0.contains("Please answer as soon as you can") }.count == 1)
            #expect(requests.filter { $0.contains("Please answer by 2 December 2026") }.count == 1)
        }
    }

    @Test func anAddressTooLongForTheEnvelopeWindowGivesNoLetterUntilAClerkCorrectsIt() async throws {
        let configuration = WebTest.configuration()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try await Self.fileByPost(client, db, name: "María de los Ángeles Fernández-Villaseñor")
            // Four street lines, each too long for one line of the window even in small print.
            let long = (1...4).map { "Building \($0), Riverton Waterfront Residential Cooperative Housing Association Estate" }
            try await db.withConnection {
                try await $0.raw(
                    "UPDATE appeals SET address_lines = \(bind: long.joined(separator: "\n")) WHERE case_reference = \(bind: reference)"
                ).run()
            }
            let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
            let produce = adapters.produceLetters(composer: try await adapters.letterComposer())
            _ = try await produce.run(limit: 1_000)
            let problem = LetterLayoutProblem.addressDoesNotFitWindow(lines: 6).description
            #expect(
                try await db.strings(
                    "SELECT status || ': ' || problem || ' ' || COALESCE(file_key, 'no file') AS v FROM letters WHERE case_reference = '\(reference)'"
                ) == ["failed: \(problem) no file"])
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/letters", on: client) { response in
                #expect(response.text.contains("Letters that could not be produced"))
                #expect(response.text.contains("(6 lines) do not fit the envelope"))
            }
            // The clerk enters the address as the post needs it: the letter is made again.
            try await eve.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Correct the contact details")) }
            try await eve.post(
                "/staff/cases/\(reference)/contact",
                [
                    ("name", "María de los Ángeles Fernández-Villaseñor"), ("address", "Building 4\nRiverton Waterfront Estate"),
                    ("city", "Riverton"), ("region", "rv"), ("postal_code", "20501"), ("channel", "letter"),
                ], on: client
            ) { #expect($0.status == .found) }
            #expect(try await db.strings("SELECT status AS v FROM letters WHERE case_reference = '\(reference)'") == ["queued"])
            _ = try await produce.run(limit: 1_000)
            #expect(try await db.strings("SELECT status AS v FROM letters WHERE case_reference = '\(reference)'") == ["ready"])
        }
    }

    static func poppler(_ tool: String, _ arguments: [String], _ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("print-room-\(UUID().uuidString).pdf")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func anAppealWithNeitherEmailNorPhoneIsAcknowledgedWhenTheClerkPostsItsLetter() async throws {
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
            let reference = try await Self.fileByPost(client, db, name: "José Muñoz")
            let grouped = try #require(CaseReference(reference)).grouped
            #expect(
                try await db.strings("SELECT kind || ' ' || status AS v FROM letters WHERE case_reference = '\(reference)'") == [
                    "acknowledgement queued"
                ])

            // The letters service (which the server runs every few seconds) produces it.
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            let composer = try await adapters.letterComposer()
            _ = try await adapters.produceLetters(composer: composer).run(limit: 1_000)
            let row = try #require(
                try await db.withConnection {
                    try await $0.raw(
                        "SELECT id, status, file_key, sha256, pages, template_version FROM letters WHERE case_reference = \(bind: reference)"
                    ).first()
                })
            #expect(try row.decode(column: "status", as: String.self) == "ready")
            let letterID = try row.decode(column: "id", as: String.self)
            let stored = try adapters.letterStorage.read(try row.decode(column: "file_key", as: String.self))
            let file = StoredFile(
                key: try row.decode(column: "file_key", as: String.self), byteSize: stored.count,
                sha256: try row.decode(column: "sha256", as: String.self))
            #expect(adapters.letterStorage.check(file) == .intact)
            #expect(
                try row.decode(column: "template_version", as: String.self)
                    == (try await LetterTemplates(templatesFolder: configuration.templatesFolder).version("letters/acknowledgement")))
            let text = try Self.poppler("pdftotext", [], stored)
            #expect(text.contains(grouped) && text.contains("José Muñoz") && text.contains("We have your appeal"), "\(text)")
            #expect(
                try Self.poppler("pdfinfo", [], stored).contains(try Regex("Pages: +\(try row.decode(column: "pages", as: Int.self))\n")))

            // The clerk sees it waiting, makes a batch, prints and posts it.
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/letters", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Acknowledgement letter"))
            }
            let batch = try await eve.post("/staff/letters/batches", [("until", "2026-11-23T10:00")], on: client) { response -> String in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            try await eve.get(batch, on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(grouped) && response.text.contains("Mark printed"))
            }
            let pdf = try await eve.get("\(batch)/pdf", on: client) { response -> Data in
                #expect(response.headers[.contentType] == "application/pdf")
                return Data(buffer: response.body)
            }
            let manifest = try await eve.get("\(batch)/manifest", on: client) { $0.text }
            let rows = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
            #expect(rows.contains { $0[2] == Substring(grouped) && $0[4] == "José Muñoz" })
            // Each letter on its own sheets: the PDF has two pages a sheet.
            let sheets = rows.reduce(0) { $0 + Int($1[6])! }
            #expect(try Self.poppler("pdfinfo", [], pdf).contains(try Regex("Pages: +\(sheets * 2)\n")), "sheets \(sheets)")
            #expect(try Self.poppler("pdftotext", [], pdf).contains("José Muñoz"))

            try await eve.post("\(batch)/printed", [], on: client) { #expect($0.text.contains("Batch marked printed")) }
            try await eve.post("\(batch)/printed", [], on: client) { #expect($0.text.contains("already marked printed")) }
            #expect(
                try await db.strings(
                    "SELECT kind || ' ' || channel || ' ' || direction AS v FROM interactions WHERE case_reference = '\(reference)' AND kind LIKE 'letter%'"
                )
                    == ["letter_printed mail internal"])
            // Not acknowledged until it is posted.
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'acknowledge'")
                    == 0)

            try await eve.post("\(batch)/posted", [("posted_on", "2026-11-24")], on: client) {
                #expect($0.status == .unprocessableContent, "a day after today is refused")
                #expect($0.text.contains("Enter the day the letters went in the mail"))
            }
            try await eve.post("\(batch)/posted", [("posted_on", "2026-11-23")], on: client) {
                #expect($0.text.contains("Batch marked posted on 23 November 2026"))
            }
            #expect(
                try await db.strings(
                    "SELECT status || ' ' || posted_on || ' ' || deemed_served_on AS v FROM letters WHERE id = '\(letterID)'")
                    == ["posted 2026-11-23 2026-11-25"])
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'acknowledge'")
                    == 1)
            #expect(
                try await db.strings(
                    "SELECT kind || ' ' || direction || ' ' || summary AS v FROM interactions WHERE case_reference = '\(reference)' AND kind = 'letter_posted'"
                )
                    == ["letter_posted out Acknowledgement letter"])

            // A week later the sweeper finds the acknowledgement deadline met: nothing fires, nothing escalates.
            clock.advance(days: 7)
            _ = try await adapters.deadlineSweep(by: "test").run()
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM deadline_firings WHERE case_reference = '\(reference)' AND kind = 'acknowledgement'") == 0)
            #expect(
                try await db.strings("SELECT CASE WHEN escalated THEN 'yes' ELSE 'no' END AS v FROM cases WHERE reference = '\(reference)'")
                    == ["no"])

            // Printed again, then back in the mail: both on the timeline; the case is flagged for agents and supervisors.
            // (A week on: everyone signs in again.)
            let clerk = try await StaffTest.signIn("eve", on: client)
            try await clerk.get(batch, on: client) { #expect($0.text.contains("Record returned mail")) }
            let reprint = try await clerk.post("/staff/letters/\(letterID)/reprint", [], on: client) { response -> Data in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                return Data(buffer: response.body)
            }
            #expect(reprint == stored, "the stored letter, byte for byte")
            try await clerk.post(
                "/staff/letters/\(letterID)/returned", [("reason", "moved"), ("note", "Envelope marked 'gone away'")], on: client
            ) {
                #expect($0.status == .seeOther)
            }
            #expect(
                try await db.strings(
                    "SELECT kind || ' ' || direction || ' ' || summary AS v FROM interactions WHERE case_reference = '\(reference)' AND kind IN ('letter_reprinted', 'letter_returned') ORDER BY kind"
                ) == [
                    "letter_reprinted internal Acknowledgement letter",
                    "letter_returned in Acknowledgement letter: Moved, no forwarding address (Envelope marked 'gone away')",
                ])
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("Returned mail"))
                #expect(response.text.contains("/staff/letters/\(letterID)/pdf"))
            }
            try await dan.get("/staff/letters/\(letterID)/pdf", on: client) { #expect(Data(buffer: $0.body) == stored) }
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/team", on: client) { response in
                #expect(response.text.contains("Returned undelivered: Moved, no forwarding address"))
            }
            // The dashboard counts the batch's letters printed and posted, and the one returned, on their days.
            let week = try #require(ReportingPeriod(from: LocalDate(iso: "2026-11-23")!, to: LocalDate(iso: "2026-11-30")!))
            let (start, end) = week.instants(in: BusinessCalendar(timeZone: StaffTest.zone))
            let figures = try await SQLMeasureQueries(database: db).figures(week, start: start, end: end, now: clock.now())
            #expect((figures.lettersPrinted, figures.lettersPosted, figures.lettersReturned) == (rows.count, rows.count, 1))
        }
    }
}
