import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("The status page: case reference + plate → where the appeal stands")
struct StatusPageTests {
    static let reference = CaseReference(randomBits: 777_777)

    /// One ticket (plate AB12CDE) with an appeal filed an hour ago.
    static func seed(_ db: AppDatabase) async throws {
        let now = TestClock.pinned
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString).csv")
        try """
        ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id
        PCN42,AB12 CDE,NY,\(ISO8601Timestamp.formatUTC(now.addingTimeInterval(-3 * 86_400))),12 Main St,P01,Restricted street,6500,C1

        """.write(to: csv, atomically: true, encoding: .utf8)
        _ = try await ImportTickets(tickets: SQLTicketRepository(database: db), clock: FixedWallClock(now))(path: csv.path) { _ in }
        _ = try await FileAppeal(
            cases: SQLCaseStore(database: db), tickets: SQLTicketRepository(database: db),
            clock: FixedWallClock(now.addingTimeInterval(-3600)), timeZone: TimeZone(identifier: "America/New_York")!
        )(
            ticket: TicketNumber("PCN42")!, grounds: [.permitDisplayed],
            details: AppealDetails(statement: "Permit on dashboard.", contactName: "Ana", postalAddress: "1 Elm St"),
            channel: .web, by: .citizen, reference: reference)
    }

    @Test func theFormCarriesTheAntiForgeryTokenOfItsCookie() async throws {
        try await WebTest.withApp { client in
            let browser = try await Browser.open("/status", on: client)
            #expect(browser.token.count == 64)
            #expect(browser.cookie == "appeals_csrf=\(browser.token)")
        }
    }

    @Test func aPostWithoutTheTokenIsRefused() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            try await browser.post("/status", [("reference", Self.reference.grouped), ("plate", "AB12CDE")], withToken: false, on: client) {
                #expect($0.status == .forbidden)
                #expect($0.text.contains("This form has expired"))
            }
            let stranger = Browser(cookie: "appeals_csrf=\(String(repeating: "a", count: 64))", token: browser.token)
            try await stranger.post("/status", [("reference", Self.reference.grouped), ("plate", "AB12CDE")], on: client) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func theRightReferenceAndPlateShowThePlainLanguageStatus() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            try await browser.post("/status", [("reference", Self.reference.grouped.lowercased()), ("plate", "ab12-cde")], on: client) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>We have your appeal</h1>"))
                #expect(response.text.contains("We will send you our decision by"))
                #expect(response.text.contains(Self.reference.grouped))
                #expect(response.text.contains("We received your appeal."))
                #expect(response.text.contains("$65.00"))
            }
        }
    }

    @Test func aMistypedReferenceIsCaughtByItsCheckCharacterAndTheAnswersStay() async throws {
        var typo = Array(Self.reference.value)
        typo[4] = typo[4] == "A" ? "B" : "A"
        let mistyped = String(typo)
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            try await browser.post("/status", [("reference", mistyped), ("plate", "AB12CDE")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("There is a problem"))
                #expect(response.text.contains(##"<a href="#reference">Check the case reference"##))
                #expect(response.text.contains(#"aria-invalid="true""#))
                #expect(response.text.contains(#"value="\#(mistyped)""#))
                #expect(response.text.contains(#"value="AB12CDE""#))
                #expect(response.text.contains("<title>Error: Check the status of an appeal"))
            }
        }
    }

    @Test func aWrongPlateGetsTheSameAnswerAsAnUnknownReference() async throws {
        let unknown = CaseReference(randomBits: 123).grouped
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            let wrongPlate = try await browser.post("/status", [("reference", Self.reference.grouped), ("plate", "ZZ99ZZZ")], on: client) {
                $0.text
            }
            let wrongReference = try await browser.post("/status", [("reference", unknown), ("plate", "AB12CDE")], on: client) { $0.text }
            let message = "We could not find an appeal with that case reference and plate"
            #expect(wrongPlate.contains(message))
            #expect(wrongReference.contains(message))
        }
    }

    @Test func statusViewsAreCountedInOneTimelineEntryPerDay() async throws {
        let database = Box()
        try await WebTest.withApp(seed: { db in
            try await Self.seed(db); database.db = db
        }) { client in
            let browser = try await Browser.open("/status", on: client)
            for _ in 0..<2 {
                try await browser.post("/status", [("reference", Self.reference.grouped), ("plate", "AB12CDE")], on: client) {
                    #expect($0.status == .ok)
                }
            }
            let rows = try await database.db!.withConnection {
                try await $0.raw("SELECT case_reference, checks FROM status_checks").all()
                    .map { "\(try $0.decode(column: "case_reference", as: String.self)) \(try $0.decode(column: "checks", as: Int.self))" }
            }
            #expect(rows == ["\(Self.reference.value) 2"])
        }
    }

    /// The seeded case, reviewed and upheld by a reviewer of long standing.
    static func seedUpheld(_ db: AppDatabase) async throws {
        try await seed(db)
        let engine = CaseEngine(
            store: SQLCaseStore(database: db), clock: FixedWallClock(TestClock.pinned), timeZone: TimeZone(identifier: "America/New_York")!)
        try await db.withConnection { conn in
            try await conn.raw(
                "INSERT INTO staff (id, name, email, started_on, active, created_at) VALUES ('r1', 'R', 'r@x', '2020-01-01', \(bind: true), '2020-01-01T00:00:00Z')"
            ).run()
        }
        let r1 = Actor(role: .reviewer, staffID: StaffID("r1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        try await engine.apply(.startReview, to: reference, by: r1)
        try await engine.apply(.decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)), to: reference, by: r1)
    }

    @Test func aDecisionShowsOnTheTimelineOnceItTakesEffect() async throws {
        try await WebTest.withApp(seed: Self.seedUpheld) { client in
            let browser = try await Browser.open("/status", on: client)
            try await browser.post("/status", [("reference", Self.reference.grouped), ("plate", "AB12CDE")], on: client) { response in
                #expect(response.text.contains("<h1>We have decided your appeal</h1>"))
                #expect(response.text.contains("<strong>not cancelled</strong>"))
                // Why, in the citizen's words (partials/reason-for-citizen), never the staff label.
                #expect(
                    response.text.contains("Why: Our records show that the vehicle was parked against the restriction the ticket gives."))
                #expect(!response.text.contains("The contravention occurred"))
                #expect(response.text.contains("We decided your appeal."))
                // The letter is not served yet: the window has not started, so no date yet.
                #expect(response.text.contains("you can ask for an independent hearing: our\nletter says until when."))
            }
        }
    }

}

@Suite("A citizen may withdraw an undecided appeal, after a confirmation step")
struct WithdrawalTests {
    @Test func withdrawingAsksFirstThenWithdraws() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StatusPageTests.seed($0); box.db = $0
        }) { client in
            let browser = try await Browser.open("/status", on: client)
            let fields = [("reference", StatusPageTests.reference.grouped), ("plate", "ab12 cde")]
            try await browser.post("/status", fields, on: client) { #expect($0.text.contains("Withdraw this appeal")) }
            try await browser.post("/status/withdraw", fields, on: client) { response in
                #expect(response.text.contains("Are you sure you want to withdraw your appeal?"))
            }
            let state = { try await SQLCaseStore(database: box.db!).load(StatusPageTests.reference)?.record.state }
            #expect(try await state() == .submitted)  // asking changed nothing
            try await browser.post("/status/withdraw", fields + [("confirm", "yes")], on: client) { response in
                #expect(response.text.contains("<h1>You withdrew this appeal</h1>"))
                #expect(!response.text.contains("Withdraw this appeal"))
            }
            #expect(try await state() == .withdrawn)
        }
    }

    @Test func anUpheldDecisionCanBeTakenToAHearingFromTheStatusPage() async throws {
        let box = Box()
        try await WebTest.withApp(seed: { db in
            try await StatusPageTests.seedUpheld(db)
            box.db = db
        }) { client in
            let browser = try await Browser.open("/status", on: client)
            let fields = [("reference", StatusPageTests.reference.grouped), ("plate", "AB12CDE")]
            try await browser.post("/status", fields, on: client) { #expect($0.text.contains("Ask for an independent hearing")) }
            try await browser.post("/status/hearing", fields, on: client) { response in
                #expect(response.text.contains("<h1>Ask for an independent hearing?</h1>"))
            }
            let state = { try await SQLCaseStore(database: box.db!).load(StatusPageTests.reference)?.record.state }
            #expect(try await state() == .decided)  // asking changed nothing
            try await browser.post("/status/hearing", fields + [("confirm", "yes")], on: client) { response in
                #expect(response.text.contains("We will write to you with the date and place of the hearing."))
                #expect(!response.text.contains("Ask for an independent hearing"))
            }
            #expect(try await state() == .hearingRequested)
            // The notice goes when a supervisor sets the date (HearingTests).
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM letters WHERE kind = 'hearing_notice'") == 0)
            // Once requested, the form is gone and a second request changes nothing.
            try await browser.post("/status/hearing", fields + [("confirm", "yes")], on: client) { #expect($0.status == .ok) }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'request_hearing'") == 1)
        }
    }

    @Test func withdrawalNeedsTheRightPlateToo() async throws {
        try await WebTest.withApp(seed: StatusPageTests.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            try await browser.post(
                "/status/withdraw", [("reference", StatusPageTests.reference.grouped), ("plate", "WRONG1"), ("confirm", "yes")], on: client
            ) {
                #expect($0.status == .notFound)
            }
        }
    }
}

@Suite("A citizen answers a request for information on the status page")
struct AnswerTests {
    /// The seeded case, taken into review and asked for information.
    static func seedAwaiting(_ db: AppDatabase) async throws {
        try await StatusPageTests.seed(db)
        try await db.withConnection { conn in
            try await conn.raw(
                "INSERT INTO staff (id, name, email, started_on, active, created_at) VALUES ('r1', 'R', 'r@x', '2020-01-01', \(bind: true), '2020-01-01T00:00:00Z')"
            ).run()
        }
        let engine = CaseEngine(
            store: SQLCaseStore(database: db), clock: FixedWallClock(TestClock.pinned), timeZone: TimeZone(identifier: "America/New_York")!)
        let r1 = Actor(role: .reviewer, staffID: StaffID("r1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        try await engine.apply(.startReview, to: StatusPageTests.reference, by: r1)
        try await engine.apply(.requestInformation, to: StatusPageTests.reference, by: r1)
    }

    @Test func anAnswerResumesTheReviewAndIsKeptOnTheTimeline() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seedAwaiting($0); box.db = $0
        }) { client in
            let browser = try await Browser.open("/status", on: client)
            let fields = [("reference", StatusPageTests.reference.grouped), ("plate", "AB12CDE")]
            try await browser.post("/status", fields, on: client) {
                #expect($0.text.contains("<h1>We need more information from you</h1>"))
            }
            // A refused file and an empty answer: both named; the good photo is kept with the case.
            let photo = try AppealEvidenceTests.corpusFile("orientation-6.jpg"), page = try AppealEvidenceTests.corpusFile("page.jpg")
            try await browser.upload("/status/answer", fields: fields + [("answer", "  ")], files: [photo, page], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Write your answer to our questions"))
                #expect(response.text.contains("page.jpg: This file is a web page."))
                #expect(response.text.contains("Photo you sent: orientation-6.jpg"))
            }
            try await browser.upload("/status/answer", fields: fields + [("answer", "The permit number is 4471.")], files: [], on: client) {
                response in
                #expect(response.text.contains("<h1>A reviewer is looking at your appeal</h1>"))
                #expect(response.text.contains("We received your answer."))
            }
            // This browser may see the thumbnail of its case's photo; another may not.
            let id = try #require(
                try await StaffTest.value(
                    box.db!, "SELECT id AS v FROM evidence WHERE case_reference = '\(StatusPageTests.reference.value)'"))
            try await browser.get("/status/evidence/\(id)/thumbnail", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
            }
            try await Browser().get("/status/evidence/\(id)/thumbnail", on: client) { #expect($0.status == .notFound) }
            let loaded = try #require(try await SQLCaseStore(database: box.db!).load(StatusPageTests.reference))
            #expect(loaded.record.state == .inReview)
            let stored = try await box.db!.withConnection {
                try await $0.raw("SELECT summary FROM interactions WHERE kind = 'information_provided'").first()?.decode(
                    column: "summary", as: String.self)
            }
            #expect(stored == "The permit number is 4471.")
        }
    }
}
