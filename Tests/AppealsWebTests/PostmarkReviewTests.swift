import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// A postmark typed by one clerk cannot cancel a ticket with nobody looking: an old postmark waits for a supervisor,
/// and no appeal is deemed accepted before it has been open to review for the minimum time after its entry.
@Suite("An old postmark needs a second person, and nothing is deemed accepted before the minimum review")
struct PostmarkReviewTests {
    /// A ticket issued on 4 September 2026, 80 days before the tests' Monday 23 November.
    static func oldTicket(_ db: AppDatabase) async throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("old-ticket-\(UUID().uuidString).csv")
        try """
        ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id,towed
        RV26OLD0080,OLD8080,NY,2026-09-04T09:00:00-04:00,1 Harbor Ave,P05,No parking at any time,25000,CEO7,false
        """.write(to: csv, atomically: true, encoding: .utf8)
        _ = try await ImportTickets(tickets: SQLTicketRepository(database: db), clock: FixedWallClock(TestClock.pinned))(
            path: csv.path, source: "test"
        ) { _ in }
    }

    static func sweep(_ db: AppDatabase, _ clock: TestClock) async throws {
        try await SweepDeadlines(store: SQLCaseStore(database: db), clock: clock, timeZone: StaffTest.zone, sweeperName: "test").run()
    }

    @Test func aPostmark75DaysOldOnAnAppealEnteredTodayIsNotDeemedAcceptedAMinuteLater() async throws {
        let box = Box()
        let clock = TestClock()
        try await WebTest.withApp(
            clock: clock,
            seed: {
                try await StaffTest.seed($0)
                try await Self.oldTicket($0)
                box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            // setup: the clerk enters a paper appeal postmarked 9 September (75 days ago), with its scan.
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/appeals/new", on: client) { _ in }
            let answers =
                [("arrived_by", "mail"), ("posted_on", "2026-09-09"), ("ticket_number", "RV26OLD0080"), ("plate", "OLD8080")]
                + AssistedAppealTests.grounds + [AssistedAppealTests.statement, AssistedAppealTests.lateReason]
                + AssistedAppealTests.contact
            let draft = try await eve.post("/staff/appeals/new", answers, on: client) { response -> String in
                #expect(response.status == .found)
                return try #require(response.headers[.location])
            }
            try await eve.upload("\(draft)/evidence", files: [try AppealEvidenceTests.corpusFile("three-pages.pdf")], on: client) {
                #expect($0.status == .found)
            }
            let reference = try await eve.post("\(draft)/file", [], on: client) { response -> String in
                #expect(response.status == .found)
                return String(try #require(response.headers[.location]?.split(separator: "/").last))
            }
            #expect(
                try await db.strings("SELECT postmark_entered_by AS v FROM cases WHERE reference = '\(reference)'") == ["eve"])
            func state() async throws -> [String] { try await db.strings("SELECT state AS v FROM cases WHERE reference = '\(reference)'") }
            func outcomes() async throws -> Int {
                try await db.count(
                    "SELECT COUNT(*) AS n FROM enforcement_events WHERE case_reference = '\(reference)' AND event = 'outcome'")
            }

            // MUT: the sweep a minute later. The deadline counts from entry while the postmark awaits confirmation.
            clock.advance(seconds: 60)
            try await Self.sweep(db, clock)
            #expect(try await state() == ["submitted"])
            #expect(try await outcomes() == 0)

            // The supervisors see it with the scan beside the date; the clerk cannot confirm her own.
            try await eve.post("/staff/cases/\(reference)/postmark", [("decision", "confirm")], on: client) {
                #expect($0.status == .forbidden)
            }
            try await eve.get("/staff/cases/\(reference)", on: client) {
                #expect($0.text.contains("The postmark of 9 September 2026 awaits a supervisor’s confirmation"))
            }
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/approvals", on: client) { response in
                #expect(response.text.contains("Postmarks to confirm"))
                #expect(response.text.contains("<strong>9 September 2026</strong>"))
                #expect(response.text.contains("/document\">Open the scanned letter<span class=\"visually-hidden\"> of case"))
            }
            try await cleo.post("/staff/cases/\(reference)/postmark", [("decision", "confirm")], on: client) {
                #expect($0.status == .found)
            }
            #expect(
                try await db.strings("SELECT COALESCE(postmark_entered_by, 'none') AS v FROM cases WHERE reference = '\(reference)'") == [
                    "none"
                ])
            #expect(
                try await db.strings(
                    "SELECT actor_id AS v FROM audit_events WHERE case_reference = '\(reference)' AND event = 'postmark_confirmed'")
                    == ["cleo"])

            // Confirmed, the statutory date (56 days from 9 September) has passed: the decision deadline waits for two
            // business days of review after entry (Wednesday 25 November), and the supervisors are warned.
            #expect(
                try await db.strings("SELECT due_date AS v FROM case_deadlines WHERE case_reference = '\(reference)' AND kind = 'decision'")
                    == ["2026-11-25"])
            clock.advance(seconds: 60)
            try await Self.sweep(db, clock)
            #expect(try await state() == ["submitted"])
            #expect(try await outcomes() == 0)
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM notifications WHERE case_reference = '\(reference)' AND kind = 'deadline_warning' AND recipient = 'supervisors'"
                ) == 1)

            // Once the minimum review has passed with no decision, the law's deemed acceptance applies.
            clock.set(BusinessCalendar(timeZone: StaffTest.zone).instant(LocalDate(year: 2026, month: 11, day: 26)!, LocalTime(hour: 9)))
            try await Self.sweep(db, clock)
            #expect(try await state() == ["deemed_accepted"])
            #expect(try await outcomes() == 1)
        }
    }

    @Test func aRejectedPostmarkCountsTheAppealFromItsEntry() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0)
            try await Self.oldTicket($0)
            box.db = $0
        }) { client in
            let db = try #require(box.db)
            let eve = try await StaffTest.signIn("eve", on: client)
            try await eve.get("/staff/appeals/new", on: client) { _ in }
            let answers =
                [("arrived_by", "mail"), ("posted_on", "2026-09-09"), ("ticket_number", "RV26OLD0080"), ("plate", "OLD8080")]
                + AssistedAppealTests.grounds + [AssistedAppealTests.statement, AssistedAppealTests.lateReason]
                + AssistedAppealTests.contact
            let draft = try await eve.post("/staff/appeals/new", answers, on: client) { try #require($0.headers[.location]) }
            try await eve.upload("\(draft)/evidence", files: [try AppealEvidenceTests.corpusFile("three-pages.pdf")], on: client) { _ in }
            let reference = try await eve.post("\(draft)/file", [], on: client) {
                String(try #require($0.headers[.location]?.split(separator: "/").last))
            }
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/approvals", on: client) { #expect($0.text.contains("Postmarks to confirm")) }
            try await cleo.post("/staff/cases/\(reference)/postmark", [("decision", "reject")], on: client) { #expect($0.status == .found) }
            #expect(
                try await db.strings("SELECT received_at || ' ' || entered_at AS v FROM cases WHERE reference = '\(reference)'")
                    == ["2026-11-23T15:00:00Z 2026-11-23T15:00:00Z"])
            // A second press finds nothing left to confirm and changes nothing.
            try await cleo.post("/staff/cases/\(reference)/postmark", [("decision", "confirm")], on: client) {
                #expect($0.status == .found)
            }
            #expect(
                try await db.strings("SELECT event AS v FROM audit_events WHERE case_reference = '\(reference)' AND event LIKE 'postmark%'")
                    == ["postmark_rejected"])
            try await cleo.get("/staff/approvals", on: client) { #expect(!$0.text.contains("/staff/cases/\(reference)/postmark")) }
        }
    }
}
