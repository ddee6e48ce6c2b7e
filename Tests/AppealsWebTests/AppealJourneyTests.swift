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

@Suite("A citizen appeals on the web: find the ticket, say why, give contact details, check, send")
struct AppealJourneyTests {
    /// Two tickets: PCN1 issued three days ago, PCN2 issued forty days ago (so an appeal on it is late).
    static func seed(_ db: AppDatabase) async throws {
        let now = TestClock.pinned
        func issued(_ days: Double) -> String { ISO8601Timestamp.formatUTC(now.addingTimeInterval(-days * 86_400)) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("journey-\(UUID().uuidString).csv")
        try """
        ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id
        PCN1,AB12 CDE,NY,\(issued(3)),12 Main St,P01,Restricted street,6500,C1
        PCN2,XY98 ZZZ,NY,\(issued(40)),Elm St,P05,Expired time,4500,C2

        """.write(to: csv, atomically: true, encoding: .utf8)
        _ = try await ImportTickets(tickets: SQLTicketRepository(database: db), clock: FixedWallClock(now))(path: csv.path) { _ in }
    }

    /// Walks the journey up to the check page.
    static func fillIn(
        _ browser: Browser, ticket: String = "pcn-1", plate: String = "ab12cde", late: Bool = false,
        evidence: [(name: String, data: Data)] = [], on client: any TestClientProtocol
    ) async throws {
        try await browser.get("/appeal/ticket", on: client) { #expect($0.status == .ok) }
        try await browser.post("/appeal/ticket", [("ticket_number", ticket), ("plate", plate)], on: client) {
            #expect($0.status == .found)
            #expect($0.headers[.location] == "/appeal/details")
        }
        try await browser.get("/appeal/details", on: client) { _ in }
        var details = [
            ("ground_permit_displayed", "yes"), ("ground_signs_unclear", "yes"), ("statement", "My permit was on the dashboard."),
        ]
        if late { details.append(("late_reason", "I was in hospital.")) }
        try await browser.post("/appeal/details", details, on: client) { #expect($0.headers[.location] == "/appeal/evidence") }
        try await browser.get("/appeal/evidence", on: client) { #expect($0.status == .ok) }
        try await browser.upload("/appeal/evidence", fields: [("action", "continue")], files: evidence, on: client) {
            #expect($0.headers[.location] == "/appeal/contact")
        }
        try await browser.get("/appeal/contact", on: client) { _ in }
        try await browser.post(
            "/appeal/contact",
            [
                ("name", "Ana Citizen"), ("address", "1 Elm St\nRiverton RV 20501"), ("email", "ana@example.org"),
                ("mobile", "(212) 555-0123"), ("channel", "sms"),
            ], on: client
        ) {
            #expect($0.headers[.location] == "/appeal/check")
        }
    }

    @Test func theWholeJourneyFilesOneCaseAndShowsItsReference() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.fillIn(browser, on: client)
            try await browser.get("/appeal/check", on: client) { response in
                #expect(response.text.contains("My permit was on the dashboard."))
                #expect(response.text.contains("A valid permit or pass was displayed"))
                #expect(response.text.contains("By text message, as well as post"))
            }
            try await browser.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
            let reference = try await browser.get("/appeal/confirmation", on: client) { response -> String in
                #expect(response.text.contains("Appeal sent"))
                #expect(response.text.contains("by text message to (212) 555-0123"))
                return String(response.text.firstMatch(of: /class="panel-reference">([A-Z0-9-]{11})</)?.1 ?? "")
            }
            let parsed = try #require(CaseReference(reference))
            let db = try #require(box.db)
            let loaded = try #require(try await SQLCaseStore(database: db).load(parsed))
            #expect(loaded.record.grounds == [.permitDisplayed, .signsUnclear])
            #expect(!loaded.record.late)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM appeals WHERE mobile_e164 = '+12125550123' AND preferred_channel = 'sms'")
                    == 1)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'appeal_filed' AND channel = 'web'") == 1)
        }
    }

    @Test func aDoubleSubmitFilesOneCase() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.fillIn(browser, on: client)
            try await browser.get("/appeal/check", on: client) { _ in }
            async let first: Void = browser.post("/appeal/check", [], on: client) { _ in }
            async let second: Void = browser.post("/appeal/check", [], on: client) { _ in }
            _ = try await (first, second)
            try await browser.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM cases") == 1)
        }
    }

    @Test func filingEndsTheDraftAndTheConfirmationIsShownOnce() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.fillIn(browser, on: client)
            try await browser.get("/appeal/check", on: client) { #expect($0.text.contains("Ana Citizen")) }
            try await browser.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
            // Before the confirmation is seen, the check page shows nothing of what was typed.
            try await browser.get("/appeal/check", on: client) {
                #expect($0.headers[.location] == "/appeal/ticket")
                #expect(!$0.text.contains("Ana Citizen"))
            }
            let data = try await StaffTest.value(box.db!, "SELECT data AS v FROM appeal_drafts")
            #expect(data?.contains("Ana Citizen") == false, "the filed draft keeps no name: \(data ?? "")")
            #expect(data?.contains("1 Elm St") == false)
            try await browser.get("/appeal/confirmation", on: client) { response in
                #expect(response.text.contains("Appeal sent"))
                let cleared = response.headers[values: .setCookie].contains { $0.hasPrefix("appeals_draft=;") && $0.contains("Max-Age=0") }
                #expect(cleared, "the draft cookie is cleared: \(response.headers[values: .setCookie])")
            }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM appeal_drafts") == 0)
            // The next person at this computer: neither the reference nor the contact details.
            try await browser.get("/appeal/confirmation", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("The confirmation of an appeal is shown once"))
                #expect(response.text.firstMatch(of: /class="panel-reference"/) == nil)
                #expect(!response.text.contains("555-0123"))
            }
            try await browser.get("/appeal/check", on: client) { #expect($0.headers[.location] == "/appeal/ticket") }
        }
    }

    @Test func aReferenceClashFilesUnderTheNextReferenceAndLosesNothing() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.fillIn(browser, on: client)
            let token = try #require(browser.cookieValue("appeals_draft").flatMap(DraftToken.init))
            // Someone else's appeal (another ticket) already has the reference this draft would file under.
            let taken = token.reference(attempt: 0)
            let db = try #require(box.db)
            _ = try await FileAppeal(
                cases: SQLCaseStore(database: db), tickets: SQLTicketRepository(database: db), clock: FixedWallClock(TestClock.pinned),
                timeZone: StaffTest.zone)(
                    ticket: TicketNumber("PCN2")!, grounds: [.other],
                    details: AppealDetails(
                        statement: "Not mine", contactName: "Bo",
                        postalAddress: "2 Oak St"),
                    channel: .web, by: .citizen, reference: taken
                )
            try await browser.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }
            let next = token.reference(attempt: 1)
            try await browser.get("/appeal/confirmation", on: client) { #expect($0.text.contains(next.grouped)) }
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM cases WHERE ticket_number = 'PCN1' AND reference = '\(next.value)'")
                    == 1)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM cases WHERE ticket_number = 'PCN2' AND reference = '\(taken.value)'")
                    == 1)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM appeals WHERE statement = 'My permit was on the dashboard.'") == 1)
        }
    }

    @Test func aWrongPlateGetsOneGenericMessageAndKeepsWhatWasTyped() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = Browser()
            try await browser.get("/appeal/ticket", on: client) { _ in }
            try await browser.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "ZZ11ZZZ")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("We could not find a ticket with that number and plate"))
                #expect(response.text.contains(#"value="PCN1""#))
                #expect(response.text.contains(#"value="ZZ11ZZZ""#))
            }
        }
    }

    @Test func aValidationErrorKeepsEveryOtherAnswer() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = Browser()
            try await browser.get("/appeal/ticket", on: client) { _ in }
            try await browser.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "AB12CDE")], on: client) { _ in }
            try await browser.get("/appeal/details", on: client) { _ in }
            try await browser.post("/appeal/details", [("ground_vehicle_stolen", "yes"), ("statement", "")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Tell us in your own words why the ticket should be cancelled"))
                #expect(response.text.contains(#"id="ground_vehicle_stolen" name="ground_vehicle_stolen" value="yes" checked"#))
            }
            // A reload still has them: they live in the server-side draft.
            try await browser.get("/appeal/details", on: client) { response in
                #expect(response.text.contains(#"id="ground_vehicle_stolen" name="ground_vehicle_stolen" value="yes" checked"#))
            }
            try await browser.post("/appeal/details", [("ground_vehicle_stolen", "yes"), ("statement", "Stolen on the 3rd.")], on: client) {
                _ in
            }
            try await browser.get("/appeal/contact", on: client) { _ in }
            try await browser.post(
                "/appeal/contact",
                [("name", "Ana"), ("address", "1 Elm St\nRiverton RV 20501"), ("email", "not-an-email"), ("channel", "email")], on: client
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Enter an email address in the right format"))
                #expect(response.text.contains(#"value="Ana""#))
                #expect(response.text.contains("1 Elm St\nRiverton RV 20501</textarea>"))
            }
        }
    }

    @Test func aLateAppealAsksWhyAndIsFlagged() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await Self.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await browser.get("/appeal/ticket", on: client) { _ in }
            try await browser.post("/appeal/ticket", [("ticket_number", "PCN2"), ("plate", "XY98ZZZ")], on: client) { _ in }
            try await browser.get("/appeal/details", on: client) { #expect($0.text.contains("Why are you appealing after 30 days?")) }
            try await browser.post("/appeal/details", [("ground_other", "yes"), ("statement", "Late but fair.")], on: client) {
                #expect($0.text.contains("Tell us why you are appealing after 30 days"))
            }
            try await browser.post(
                "/appeal/details", [("ground_other", "yes"), ("statement", "Late but fair."), ("late_reason", "I was in hospital.")],
                on: client
            ) {
                #expect($0.headers[.location] == "/appeal/evidence")
            }
            try await browser.get("/appeal/contact", on: client) { _ in }
            try await browser.post(
                "/appeal/contact", [("name", "Bo"), ("address", "2 Oak Ln\nRiverton RV 20501"), ("channel", "letter")], on: client
            ) { _ in }
            try await browser.get("/appeal/check", on: client) { response in
                #expect(response.text.components(separatedBy: "Not given").count == 3)  // neither email nor mobile
                #expect(response.text.contains("I was in hospital."))
            }
            try await browser.post("/appeal/check", [], on: client) { _ in }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM cases WHERE late") == 1)
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM appeals WHERE late_reason = 'I was in hospital.'") == 1)
        }
    }

    @Test func aTicketWithAnOpenAppealPointsToItsStatus() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let first = Browser()
            try await Self.fillIn(first, on: client)
            try await first.get("/appeal/check", on: client) { _ in }
            try await first.post("/appeal/check", [], on: client) { _ in }
            let second = Browser()
            try await second.get("/appeal/ticket", on: client) { _ in }
            try await second.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "AB12CDE")], on: client) { response in
                #expect(response.text.contains("There is already an appeal for this ticket"))
                #expect(response.text.contains(#"href="/status""#))
            }
        }
    }

    @Test func skippingAheadGoesBackToTheFirstUnansweredStep() async throws {
        try await WebTest.withApp(seed: Self.seed) { client in
            let browser = Browser()
            try await browser.get("/appeal/check", on: client) { #expect($0.headers[.location] == "/appeal/ticket") }
            try await browser.get("/appeal/contact", on: client) { #expect($0.headers[.location] == "/appeal/details") }
        }
    }
}

@Suite("Bots and guessers are slowed down without a CAPTCHA")
struct AntiAbuseTests {
    static let askAgain = "Check the ticket number and plate below, then press Continue again."

    @Test func aFilledHoneypotAsksOnceToPressContinueAgainAndKeepsWhatWasTyped() async throws {
        try await WebTest.withApp(seed: AppealJourneyTests.seed) { client in
            let browser = Browser()
            try await browser.get("/appeal/ticket", on: client) { #expect($0.text.contains(#"name="website""#)) }
            let filled = [("ticket_number", "PCN1"), ("plate", "AB12CDE"), ("website", "http://autofill.example")]
            try await browser.post("/appeal/ticket", filled, on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains(Self.askAgain))
                #expect(!$0.text.contains("We could not find a ticket"), "never a message that is not true")
                #expect($0.text.contains(#"value="PCN1""#) && $0.text.contains(#"value="AB12CDE""#))
            }
            try await browser.post("/appeal/ticket", filled, on: client) {
                #expect($0.status == .found)
                #expect($0.headers[.location] == "/appeal/details")
            }
        }
    }

    @Test func aFormSentBackFasterThanPeopleTypeIsAskedOnceToConfirm() async throws {
        var configuration = WebTest.configuration()
        configuration.formMinimumFillSeconds = 60
        try await WebTest.withApp(configuration: configuration, seed: AppealJourneyTests.seed) { client in
            let browser = Browser()
            try await browser.get("/appeal/ticket", on: client) { _ in }
            try await browser.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "AB12CDE")], on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains(Self.askAgain))
            }
            try await browser.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "AB12CDE")], on: client) {
                #expect($0.headers[.location] == "/appeal/details")
            }
        }
    }

    @Test func lookUpsPerClientAreLimitedWithAFriendlyPage() async throws {
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 3
        try await WebTest.withApp(configuration: configuration, seed: StatusPageTests.seed) { client in
            let browser = try await Browser.open("/status", on: client)
            for _ in 0..<3 {
                try await browser.post("/status", [("reference", "K7M4QX9TC"), ("plate", "AB12CDE")], on: client) {
                    #expect($0.status != .tooManyRequests)
                }
            }
            try await browser.post("/status", [("reference", StatusPageTests.reference.grouped), ("plate", "AB12CDE")], on: client) {
                response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
                #expect(response.text.contains("Too many attempts"))
            }
        }
    }
}
