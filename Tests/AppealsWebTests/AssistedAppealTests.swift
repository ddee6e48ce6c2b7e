import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Synchronization
import Testing

@Suite("Agents file appeals for callers and clerks enter appeals that came by post, through the web journey's checks")
struct AssistedAppealTests {
    /// A ticket with no appeal yet, the most recently issued (so not late).
    static func freeTicket(_ db: AppDatabase, issuedBefore: String = "9999") async throws -> (number: String, plate: String) {
        try await db.withConnection { db in
            let row = try #require(
                try await db.raw(
                    SQLQueryString(
                        """
                        SELECT ticket_number, plate FROM tickets t
                        WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.ticket_number = t.ticket_number) AND issued_at < \(bind: issuedBefore)
                        ORDER BY issued_at DESC, ticket_number LIMIT 1
                        """)
                ).first())
            return (try row.decode(column: "ticket_number", as: String.self), try row.decode(column: "plate", as: String.self))
        }
    }

    static let grounds = [("ground_signs_unclear", "yes"), ("ground_paid_for_parking", "yes")]
    static let statement = ("statement", "The sign was behind a tree.\nI paid by app as well.")
    static let lateReason = ("late_reason", "I was abroad.")
    static let contact = [
        ("name", "Łukasz Żółć"), ("address", "12 Elm Street\nRiverton RV 20501"), ("email", "lukasz@example.com"),
        ("mobile", "(203) 555-0144"),
        ("channel", "sms"),
    ]

    /// Every row an appeal wrote, column by column, its reference and random ids left out.
    static func records(of reference: String, _ db: AppDatabase) async throws -> [String: String] {
        let queries = [
            "cases": "SELECT * FROM cases WHERE reference = '\(reference)'",
            "appeals": "SELECT * FROM appeals WHERE case_reference = '\(reference)'",
            "case_deadlines": "SELECT * FROM case_deadlines WHERE case_reference = '\(reference)' ORDER BY kind",
            "interactions": "SELECT * FROM interactions WHERE case_reference = '\(reference)' ORDER BY occurred_at, kind",
            "audit_events": "SELECT * FROM audit_events WHERE case_reference = '\(reference)' ORDER BY seq",
            "notifications": "SELECT * FROM notifications WHERE case_reference = '\(reference)' ORDER BY kind",
            "letters": "SELECT * FROM letters WHERE case_reference = '\(reference)' ORDER BY kind",
            "evidence": "SELECT * FROM evidence WHERE case_reference = '\(reference)' ORDER BY original_name",
        ]
        // Storage keys are random file names; the bytes are compared by their SHA-256 columns.
        let random: Set<String> = [
            "id", "seq", "prev_hash", "hash", "reference", "case_reference", "request_id", "original_key", "display_key", "thumbnail_key",
        ]
        var fields: [String: String] = [:]
        try await db.withConnection { db in
            for (table, sql) in queries {
                let rows = try await db.raw(SQLQueryString(sql)).all()
                fields["\(table).count"] = String(rows.count)
                for (i, row) in rows.enumerated() {
                    for column in row.allColumns where !random.contains(column) {
                        fields["\(table)[\(i)].\(column)"] = Self.text(row, column)
                    }
                }
            }
        }
        return fields
    }

    static func text(_ row: any SQLRow, _ column: String) -> String {
        if (try? row.decodeNil(column: column)) == true { return "NULL" }
        if let value = try? row.decode(column: column, as: String.self) { return value }
        if let value = try? row.decode(column: column, as: Int.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Bool.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return String(value) }
        return "(undecodable)"
    }

    /// Files one appeal, on the web as a citizen or by phone as the agent Dan, in a fresh portal; its records.
    static func fileOne(byPhone: Bool) async throws -> [String: String] {
        let box = Box()
        let result = Mutex<[String: String]>([:])
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let ticket = try await freeTicket(db)
            let pdf = try AppealEvidenceTests.corpusFile("receipt.pdf")
            let before = Set(try await db.strings("SELECT reference AS v FROM cases"))
            if byPhone {
                let dan = try await StaffTest.signIn("dan", on: client)
                try await dan.get("/staff/appeals/new", on: client) { #expect($0.status == .ok) }
                let answers =
                    [("arrived_by", "phone"), ("ticket_number", ticket.number), ("plate", ticket.plate)] + grounds
                    + [statement, lateReason] + contact
                let draft = try await dan.post("/staff/appeals/new", answers, on: client) { response -> String in
                    #expect(response.status == .found)
                    return try #require(response.headers[.location])
                }
                try await dan.upload("\(draft)/evidence", files: [pdf], on: client) { #expect($0.status == .found) }
                try await dan.post("\(draft)/file", [], on: client) { #expect($0.status == .found) }
            } else {
                let citizen = Browser()
                try await citizen.get("/appeal/ticket", on: client) { _ in }
                try await citizen.post("/appeal/ticket", [("ticket_number", ticket.number), ("plate", ticket.plate)], on: client) {
                    #expect($0.headers[.location] == "/appeal/details")
                }
                try await citizen.post("/appeal/details", grounds + [statement, lateReason], on: client) {
                    #expect($0.headers[.location] == "/appeal/evidence")
                }
                try await citizen.upload("/appeal/evidence", fields: [("action", "continue")], files: [pdf], on: client) {
                    #expect($0.headers[.location] == "/appeal/contact")
                }
                try await citizen.post("/appeal/contact", contact, on: client) { #expect($0.headers[.location] == "/appeal/check") }
                try await citizen.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
            }
            let filed = Set(try await db.strings("SELECT reference AS v FROM cases")).subtracting(before)
            #expect(filed.count == 1)
            let records = try await records(of: try #require(filed.first), db)
            result.withLock { $0 = records }
        }
        return result.withLock { $0 }
    }

    @Test func anAppealFiledByAnAgentCreatesTheSameRecordsAsOneFiledOnTheWebButItsChannelAndActor() async throws {
        let web = try await Self.fileOne(byPhone: false)
        let phone = try await Self.fileOne(byPhone: true)
        #expect(web["evidence.count"] == "1" && web["interactions.count"] != "0" && web["case_deadlines.count"] != "0")
        #expect(web["appeals[0].contact_name"] == "Łukasz Żółć" && web["appeals[0].mobile_e164"] == "+12035550144")
        #expect(Set(web.keys) == Set(phone.keys), "the same rows and columns")
        let differing = Set(web.keys.filter { web[$0] != phone[$0] })
        #expect(
            differing == [
                "interactions[0].channel", "interactions[0].actor", "audit_events[0].actor_role", "audit_events[0].actor_id",
                "cases[0].channel",
            ],
            "\(differing.sorted().map { "\($0): \(web[$0] ?? "-") / \(phone[$0] ?? "-")" })")
        #expect(phone["interactions[0].channel"] == "phone" && phone["interactions[0].actor"] == "dan")
        #expect(phone["audit_events[0].actor_role"] == "phone_agent" && phone["audit_events[0].actor_id"] == "dan")
    }

    @Test func aClerkEntersAnAppealThatCameByPostWithItsScanAndItCountsFromThePostmark() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let ticket = try await Self.freeTicket(db, issuedBefore: "2026-11-18")
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/appeals/new", on: client) { response in
                #expect(response.text.contains("id=\"arrived_by-mail\""))
                #expect(!response.text.contains("id=\"arrived_by-phone\""), "a clerk does not take calls")
            }
            // Posted on Thursday 19 November; the portal's day is Monday 23 November.
            let newer = try await Self.freeTicket(db)
            try await eve.post(
                "/staff/appeals/new",
                [("arrived_by", "mail"), ("posted_on", "2026-11-19"), ("ticket_number", newer.number), ("plate", newer.plate)],
                on: client
            ) {
                #expect($0.text.contains("The postmark is before the ticket was issued"))
            }
            let answers =
                [("arrived_by", "mail"), ("posted_on", "2026-11-19"), ("ticket_number", ticket.number), ("plate", ticket.plate)]
                + Self.grounds + [Self.statement] + Self.contact
            let draft = try await eve.post("/staff/appeals/new", answers, on: client) { response -> String in
                #expect(response.status == .found)
                return try #require(response.headers[.location])
            }
            try await eve.get(draft, on: client) { response in
                #expect(response.text.contains("By post, postmarked 19 November 2026"))
                #expect(response.text.contains("Attach the scanned letter"))
            }
            // No scan: not filed, and said so.
            try await eve.post("\(draft)/file", [], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Attach the scanned letter before filing an appeal that came by post"))
            }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM cases WHERE ticket_number = '\(ticket.number)'") == 0)
            // A refused file is named; the answers stay.
            try await eve.upload("\(draft)/evidence", files: [try AppealEvidenceTests.corpusFile("document.docx")], on: client) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("document.docx:"))
                #expect(response.text.contains("Łukasz Żółć"))
            }
            try await eve.upload("\(draft)/evidence", files: [try AppealEvidenceTests.corpusFile("three-pages.pdf")], on: client) {
                #expect($0.status == .found)
            }
            let reference = try await eve.post("\(draft)/file", [], on: client) { response -> String in
                #expect(response.status == .found)
                return String(try #require(response.headers[.location]?.split(separator: "/").last))
            }
            let received = try await db.strings("SELECT received_at AS v FROM cases WHERE reference = '\(reference)'")
            #expect(
                received.map(ISO8601Timestamp.parse)
                    == [BusinessCalendar(timeZone: StaffTest.zone).startOfDay(LocalDate(year: 2026, month: 11, day: 19)!)])
            #expect(
                try await db.strings(
                    "SELECT channel || ' ' || actor || ' ' || kind AS v FROM interactions WHERE case_reference = '\(reference)'")
                    == ["mail eve appeal_filed"])
            #expect(
                try await db.strings(
                    "SELECT kind || ' ' || CAST(page_count AS TEXT) AS v FROM evidence WHERE case_reference = '\(reference)'")
                    == ["pdf 3"])
            // The draft is gone once filed; pressing File again goes to the case.
            try await eve.post("\(draft)/file", [], on: client) { #expect($0.status == .notFound) }
        }
    }

    @Test func eachProblemIsNamedNextToItsFieldAndWhatWasTypedStays() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let ticket = try await Self.freeTicket(db)
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/appeals/new", on: client) { _ in }
            let answers = [
                ("arrived_by", "mail"), ("posted_on", "2031-01-01"), ("ticket_number", ticket.number), ("plate", "ZZ999"),
                Self.statement, ("name", "José Muñoz"), ("email", "not-an-email"),
            ]
            try await dan.post("/staff/appeals/new", answers, on: client) { response in
                #expect(response.status == .unprocessableContent)
                let text = response.text
                #expect(text.contains("Choose how the appeal reached us"), "an agent cannot enter a letter")
                #expect(text.contains("No ticket has this number and plate"))
                #expect(text.contains("Select at least one reason"))
                #expect(text.contains("Enter the number and street"))
                #expect(text.contains("Enter an email address in the right format"))
                #expect(
                    text.contains("value=\"José Muñoz\"") && text.contains("value=\"ZZ999\"") && text.contains("I paid by app as well."))
            }
            // An appeal already open on the ticket is named as such.
            let taken = try #require(
                try await StaffTest.value(db, "SELECT ticket_number AS v FROM cases WHERE state = 'submitted' LIMIT 1"))
            let plate = try #require(try await StaffTest.value(db, "SELECT plate AS v FROM tickets WHERE ticket_number = '\(taken)'"))
            try await dan.post("/staff/appeals/new", [("arrived_by", "phone"), ("ticket_number", taken), ("plate", plate)], on: client) {
                #expect($0.text.contains("This ticket already has an open appeal"))
            }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM appeal_drafts") == 0, "nothing is kept until the answers are right")
        }
    }

    @Test func aDraftIsOnlyItsAuthorsAndReviewersCannotEnterAppeals() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let ticket = try await Self.freeTicket(db)
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/appeals/new", on: client) { _ in }
            let answers =
                [("arrived_by", "phone"), ("ticket_number", ticket.number), ("plate", ticket.plate)] + Self.grounds + [Self.statement]
                + Self.contact
            let draft = try await dan.post("/staff/appeals/new", answers, on: client) { try #require($0.headers[.location]) }
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/appeals/new", on: client) { #expect($0.status == .ok) }
            try await eve.get(draft, on: client) { #expect($0.status == .notFound) }
            try await eve.post("\(draft)/file", [], on: client) { #expect($0.status == .notFound) }
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.get("/staff/appeals/new", on: client) { #expect($0.status == .forbidden) }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM cases WHERE ticket_number = '\(ticket.number)'") == 0)
        }
    }

    @Test func aScreenPopWithNoAppealOffersToStartOneWithTheCallersNumber() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let dan = try await StaffTest.signIn("dan", on: client)
            let start = try await dan.get("/agent/pop?caller=+12035550199", on: client) { response -> String in
                #expect(response.text.contains("No open appeal for +12035550199."))
                return String(try #require(response.text.firstMatch(of: /href="(\/staff\/appeals\/new\?mobile=[^"]+)"/)).1)
            }
            try await dan.get(start.replacingOccurrences(of: "&amp;", with: "&"), on: client) { response in
                #expect(response.text.contains("name=\"mobile\" value=\"+12035550199\""))
            }
        }
    }
}
