import AppealsDomain
import AppealsLetters
import AppealsServices
import Foundation
import Testing

/// Every letter kind from its template, with the case's facts, checked in the PDF as the citizen gets it.
@Suite("Every kind of letter says what its case's facts say")
struct LetterKindsTests {
    static let zone = TimeZone(identifier: "America/New_York")!
    static let calendar = BusinessCalendar(timeZone: zone)
    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
    static func noon(_ date: LocalDate) -> Date { calendar.instant(date, LocalTime(hour: 12)) }

    static let ticket = Ticket(
        number: TicketNumber("RV26001071")!, plate: Plate(number: PlateNumber("ABC1234")!, region: PlateRegion("NY")!),
        issuedAt: noon(day(2026, 11, 2)), location: "Main St", violation: Violation(code: "21", description: "Expired meter"),
        amountCents: 6_500, officerID: OfficerID("O-7"), towed: false)
    static let reference = CaseReference("K7M4QX9TC") ?? CaseReference(randomBits: 42)

    static func status(
        _ state: CaseState, decision: Decision? = nil, answerDue: LocalDate? = nil, hearingEnds: Date? = nil, question: String? = nil
    )
        -> CaseStatus
    {
        CaseStatus(
            reference: reference, state: state, ticket: ticket, receivedAt: noon(day(2026, 11, 9)), late: false, decision: decision,
            decisionDue: state.isUndecided ? day(2027, 1, 4) : nil, answerDue: answerDue, hearingWindowEnds: hearingEnds, events: [],
            evidence: [], question: question)
    }

    static let contact = AppealDetails(statement: "", contactName: "Łukasz Żółć", postalAddress: "12 Elm Street\nRiverton, RV 20501")

    static func composer(_ authority: Authority = Authority()) async throws -> PDFLetterComposer {
        PDFLetterComposer(
            templates: try await LetterTemplates(templatesFolder: LetterTemplatesTests.templates.path), renderer: LetterRenderer(),
            authority: authority)
    }

    /// The PDF's text with runs of white space made one space.
    static func text(_ letter: ComposedLetter, samples name: String) throws -> String {
        if let folder = ProcessInfo.processInfo.environment["LETTER_SAMPLES"] {
            try letter.pdf.write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).pdf"))
        }
        return try LetterRendererTests.poppler("pdftotext", [], pdf: Array(letter.pdf)).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    static let grounds: [Ground] = [.signsUnclear, .paidForParking]

    @Test func anUpheldDecisionRepliesToEachGroundWithThePaymentDeadlineTheDiscountAgainAndTheHearingRights() async throws {
        let decision = Decision(
            outcome: .upheld, amountDueCents: 6_500, reasonCode: .contraventionOccurred, decidedBy: StaffID("ana"), approvedBy: nil,
            decidedAt: Self.noon(Self.day(2026, 12, 4)),
            replies: [
                "signs_unclear": "The sign at Main St was photographed on the day and is clear.",
                "paid_for_parking": "No payment for this plate was made that day.",
            ])
        let facts = LetterFacts(
            kind: .decision, status: Self.status(.decided, decision: decision, hearingEnds: Self.noon(Self.day(2026, 12, 25))),
            contact: Self.contact, grounds: Self.grounds, date: Self.day(2026, 12, 4), discount: (Self.day(2026, 12, 18), 3_250),
            hearingUntil: Self.day(2026, 12, 25), payBy: Self.day(2027, 1, 1))
        let letter = try await Self.composer().compose(facts)
        let text = try Self.text(letter, samples: "decision-upheld")
        for expected in [
            "Our decision on your appeal", Self.reference.grouped, "RV26001071", "Łukasz Żółć",
            // The status page's own sentence (partials/status-lead).
            "We have not cancelled the ticket: $65.00 is due. Why: Our records show that the vehicle was parked against the restriction the ticket gives.",
            "Our reply to each reason you gave • Signs or markings missing, unclear or hidden: The sign at Main St was photographed on the day and is clear.",
            "Paid for parking (meter or app): No payment for this plate was made that day.",
            "Please pay $65.00 by 1 January 2027",
            "you may pay the discounted amount of $32.50 (50% off) instead if you pay by 18 December 2026",
            "You can ask for an independent hearing until 25 December 2026",
        ] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
        #expect(
            letter.templateVersion
                == (try await LetterTemplates(templatesFolder: LetterTemplatesTests.templates.path).version("letters/decision")))
    }

    @Test func aCancelledDecisionAsksForNothing() async throws {
        let decision = Decision(
            outcome: .cancelled, amountDueCents: 0, reasonCode: .signageInadequate, decidedBy: StaffID("ana"), approvedBy: nil,
            decidedAt: Self.noon(Self.day(2026, 12, 4)), replies: ["signs_unclear": "You are right: the sign was hidden by a tree."])
        let facts = LetterFacts(
            kind: .decision, status: Self.status(.decided, decision: decision), contact: Self.contact, grounds: Self.grounds,
            date: Self.day(2026, 12, 4))
        let text = try Self.text(try await Self.composer().compose(facts), samples: "decision-cancelled")
        #expect(text.contains("We have cancelled the ticket. You do not need to pay anything."), "\(text)")
        #expect(text.contains("Signs or markings missing, unclear or hidden: You are right: the sign was hidden by a tree."))
        // Only the grounds with a reply are listed; nothing to pay, no discount, no hearing.
        #expect(!text.contains("Paid for parking"))
        #expect(!text.contains("Please pay") && !text.contains("discount") && !text.contains("hearing"), "\(text)")
    }

    @Test func aRequestForInformationAsksTheQuestionAndSaysByWhen() async throws {
        let facts = LetterFacts(
            kind: .requestForInformation,
            status: Self.status(.awaitingCitizen, answerDue: Self.day(2026, 12, 18), question: "Please send the app's payment receipt."),
            contact: Self.contact, grounds: Self.grounds, date: Self.day(2026, 12, 4), answerDue: Self.day(2026, 12, 18))
        let text = try Self.text(try await Self.composer().compose(facts), samples: "request-for-information")
        #expect(text.contains("We need more information about your appeal"))
        #expect(text.contains("Please send the app's payment receipt."), "\(text)")
        #expect(text.contains("Please answer by 18 December 2026."), "\(text)")
    }

    @Test func aDeemedAcceptanceAndAHearingNoticeSayWhatHappened() async throws {
        let deemed = Decision(
            outcome: .cancelled, amountDueCents: 0, reasonCode: .deemedAccepted, decidedBy: nil, approvedBy: nil,
            decidedAt: Self.noon(Self.day(2027, 1, 5)))
        var text = try Self.text(
            try await Self.composer().compose(
                LetterFacts(
                    kind: .deemedAcceptance, status: Self.status(.deemedAccepted, decision: deemed), contact: Self.contact,
                    grounds: Self.grounds, date: Self.day(2027, 1, 5))), samples: "deemed-acceptance")
        #expect(text.contains("Your appeal is accepted") && text.contains("the ticket is cancelled"), "\(text)")
        text = try Self.text(
            try await Self.composer().compose(
                LetterFacts(
                    kind: .hearingNotice, status: Self.status(.hearingRequested), contact: Self.contact, grounds: Self.grounds,
                    date: Self.day(2026, 12, 10))), samples: "hearing-notice")
        #expect(text.contains("We have your request for an independent hearing about parking ticket RV26001071."), "\(text)")
        #expect(text.contains("We will write to you with the date and place of the hearing."), "\(text)")
    }

    @Test func aLetterWithAMessageCarriesTheWordsStaffWroteParagraphByParagraph() async throws {
        var facts = LetterFacts(
            kind: .message, status: Self.status(.inReview), contact: Self.contact, grounds: Self.grounds, date: Self.day(2026, 12, 7))
        facts.message = "We received your photos, thank you.\r\n\r\nThe reviewer will look at the sign  on Elm Street\nthis week."
        let text = try Self.text(try await Self.composer().compose(facts), samples: "message")
        #expect(text.contains("About your appeal against parking ticket RV26001071"), "\(text)")
        #expect(text.contains("We received your photos, thank you."), "\(text)")
        #expect(text.contains("The reviewer will look at the sign on Elm Street this week."), "\(text)")
    }

    /// Every kind, to a six-line address: page 1 holds the date, the reference and the ticket beside the window, and
    /// every address line inside it.
    @Test(arguments: LetterKind.allCases)
    func everyKindHasItsDateReferenceAndTicketOnPageOneBesideTheWholeAddress(kind: LetterKind) async throws {
        let address = PostalAddress(
            lines: ["c/o Riverton Community Legal Aid", "Attn: Appeals Desk", "1200 Martin Luther King Jr Blvd", "Suite 400"],
            city: "Riverton", region: "RV", postalCode: "20501-4412")
        let contact = AppealDetails(statement: "", contactName: "Guadalupe Fernández-Villaseñor", address: address)
        let decision = Decision(
            outcome: .upheld, amountDueCents: 6_500, reasonCode: .contraventionOccurred, decidedBy: StaffID("ana"), approvedBy: nil,
            decidedAt: Self.noon(Self.day(2026, 12, 4)))
        let state: CaseState =
            switch kind {
            case .acknowledgement: .submitted
            case .requestForInformation: .awaitingCitizen
            case .decision: .decided
            case .deemedAcceptance: .deemedAccepted
            case .hearingNotice: .hearingRequested
            case .message: .inReview
            }
        let facts = LetterFacts(
            kind: kind, status: Self.status(state, decision: state.isUndecided ? nil : decision, question: "Which bay?"),
            contact: contact, grounds: Self.grounds, date: Self.day(2026, 12, 4))
        let letter = try await Self.composer().compose(facts)
        let pdf = Array(letter.pdf)
        let firstPage = try LetterRendererTests.poppler("pdftotext", ["-f", "1", "-l", "1"], pdf: pdf)
        for fact in ["Date", "4 December 2026", "Case reference", Self.reference.grouped, "Ticket", "RV26001071"] {
            #expect(firstPage.contains(fact), "\(kind): \(fact) is missing from page 1")
        }
        let window = try LetterRendererTests.wordsInWindow(pdf, paper: .usLetter)
        #expect(window.joined(separator: " ") == (["Guadalupe Fernández-Villaseñor"] + address.envelopeLines).joined(separator: " "))
    }

    @Test func theQRCodeLeadsToTheStatusPageWithTheReference() async throws {
        var authority = Authority()
        authority.publicURL = "https://appeals.example.gov"
        let facts = LetterFacts(
            kind: .acknowledgement, status: Self.status(.submitted), contact: Self.contact, grounds: Self.grounds,
            date: Self.day(2026, 11, 9))
        let letter = try await Self.composer(authority).compose(facts)
        let decoded = try LetterRendererTests.zbar(Array(letter.pdf))
        #expect(decoded == "https://appeals.example.gov/status?reference=\(Self.reference.value)")
        #expect(try Self.text(letter, samples: "acknowledgement").contains("appeals.example.gov/status"))
    }
}
