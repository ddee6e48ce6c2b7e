import AppealsDomain
import AppealsServices
import AppealsTestSupport
import AppealsWords
import Foundation
import Testing

@testable import AppealsWeb

/// The case page's facts made in memory at the pinned time, and the page built from them: no database, no HTTP.
struct CaseFactsFixture {
    let clock = TestClock()
    let zone = TimeZone(identifier: "America/New_York")!
    let reference = CaseReference(randomBits: 7)
    var record: Case
    var history: [CaseHistoryEntry]
    var timeline: [TimelineEntry] = []
    var appeal: AppealDetails? = AppealDetails(
        statement: "My permit was on the dashboard.", contactName: "Ana Citizen", postalAddress: "1 Elm St\nAlbany, NY 12207",
        email: "ana@example.org", mobile: "+15185550100", preferredChannel: .email)
    var evidence: [EvidenceRecord] = []
    var team: [ReviewerWorkload] = []
    var letters: [LetterRecord] = []
    var failedMessages: [OutboxMessage] = []
    var hearing: Hearing?

    static let ana = account("ana", [.reviewer])
    static let ben = account("ben", [.reviewer])
    static let cleo = account("cleo", [.supervisor])
    static let pat = account("pat", [.phoneAgent])

    static func account(_ id: String, _ roles: Set<Role>) -> StaffAccount {
        StaffAccount(
            id: StaffID(id), name: id.capitalized, email: "\(id)@example.org", roles: roles, active: true,
            startedOn: LocalDate(year: 2020, month: 1, day: 1)!, passwordHash: nil)
    }

    /// A towed-car appeal received three weeks before the pinned time (Monday 2 November 2026, 10:00), acknowledged
    /// the same day, now in review with `assignee`.
    init(state: CaseState = .inReview, assignee: StaffID? = StaffID("ana")) {
        let received = clock.now().addingTimeInterval(-21 * 86_400)
        record = Case(
            reference: reference, ticketNumber: TicketNumber("T1")!, ticketAmountCents: 6_500, towed: true,
            grounds: [.permitDisplayed], receivedAt: received, late: false, state: state, assignee: assignee)
        history = [
            CaseHistoryEntry(at: received, event: .file, from: .submitted, to: .submitted),
            CaseHistoryEntry(at: received.addingTimeInterval(3_600), event: .acknowledge, from: .submitted, to: .submitted),
        ]
    }

    var calendar: BusinessCalendar { BusinessCalendar(timeZone: zone) }

    var facts: CaseWorkspace.Facts {
        let loaded = LoadedCase(record: record, history: history, firings: [])
        return CaseWorkspace.Facts(
            loaded: loaded,
            file: CaseFile(
                ticket: Ticket(
                    number: record.ticketNumber, plate: Plate(number: PlateNumber("P1")!, region: PlateRegion("NY")!),
                    issuedAt: record.receivedAt.addingTimeInterval(-86_400), location: "Main St",
                    violation: Violation(code: "P01", description: "Restricted"), amountCents: 6_500, officerID: OfficerID("C1"),
                    towed: true),
                appeal: appeal, timeline: timeline, otherCases: []),
            deadlines: DeadlineSchedule.compute(for: record, history: history, policies: .defaults, calendar: calendar),
            calendar: calendar, evidence: evidence, team: team, status: nil, letters: letters, failedMessages: failedMessages,
            hearing: hearing, now: clock.now())
    }

    func page(for viewer: StaffAccount, _ state: CasePageState = .init()) -> CasePage {
        CasePageBuilder(facts: facts, viewer: viewer, access: CaseAccess(), timeZone: zone)
            .page(nav: StaffNav(viewer, csrf: "token"), state: state)
    }

    func letter(_ kind: LetterKind, _ status: LetterRecord.Status, returnReason: String? = nil, problem: String? = nil) -> LetterRecord {
        LetterRecord(
            id: LetterID("00000000-0000-4000-8000-00000000000\(letters.count)")!, reference: reference, kind: kind, status: status,
            queuedAt: clock.now().addingTimeInterval(-86_400), producedAt: nil, file: nil, pages: 2, templateVersion: nil,
            recipient: nil, batchID: nil, postedOn: nil, deemedServedOn: nil, returnedAt: nil, returnReason: returnReason,
            problem: problem)
    }
}

@Suite("The case page built from the workspace's facts")
struct CasePageBuilderTests {
    typealias Fixture = CaseFactsFixture

    /// The buttons and forms offered, by name.
    static func offered(_ actions: CasePage.Actions) -> Set<String> {
        Set(Mirror(reflecting: actions).children.compactMap { $0.value as? Bool == true && $0.label != "any" ? $0.label : nil })
    }

    @Test func theReviewerHoldingTheCaseDecidesItASupervisorAlsoAssignsAndReleasesItAPhoneAgentTakesCalls() {
        let fixture = Fixture()
        #expect(
            Self.offered(fixture.page(for: Fixture.ana).can) == [
                "decide", "requestInformation", "note", "writeToCitizen", "markVulnerable",
            ])
        #expect(
            Self.offered(fixture.page(for: Fixture.cleo).can) == [
                "decide", "requestInformation", "assign", "release", "note", "writeToCitizen", "logCall", "markVulnerable",
                "correctContact",
            ])
        #expect(
            Self.offered(fixture.page(for: Fixture.pat).can) == [
                "withdrawForCitizen", "note", "writeToCitizen", "logCall", "markVulnerable", "correctContact",
            ])
        #expect(fixture.page(for: Fixture.ana).can.any && !fixture.page(for: Fixture.pat).can.any)
    }

    @Test func theReassignListLeavesOutWhoeverHoldsTheCase() {
        var fixture = Fixture()
        fixture.team = [
            ReviewerWorkload(id: StaffID("ana"), name: "Ana", inHand: 3, overdue: 0),
            ReviewerWorkload(id: StaffID("ben"), name: "Ben", inHand: 5, overdue: 1),
        ]
        let page = fixture.page(for: Fixture.cleo)
        #expect(page.reviewers.map(\.id) == ["ben"])
        #expect(page.reviewers.map(\.inHand) == [5])
        #expect(page.canAssign)
        // Nobody else to give it to: no list, and no button.
        fixture.team = [ReviewerWorkload(id: StaffID("ana"), name: "Ana", inHand: 3, overdue: 0)]
        #expect(!fixture.page(for: Fixture.cleo).canAssign)
    }

    @Test func aLongTimelineIsShownFiftyEntriesAtATimeNewestFirst() {
        var fixture = Fixture()
        fixture.timeline = (1...120).map {
            TimelineEntry(
                at: fixture.record.receivedAt.addingTimeInterval(Double($0) * 60), channel: "web", actor: "ana",
                kind: .interaction(.note), summary: "note \($0)", isPublic: false)
        }
        let base = "/staff/cases/\(fixture.reference.value)?timeline="
        let first = fixture.page(for: Fixture.ana)
        #expect(first.timeline.count == 50)
        #expect(first.timeline.first?.summary == "note 120")
        #expect(first.timeline.last?.summary == "note 71")
        #expect(first.timelineShowing == "Entries 1 to 50 of 120, newest first")
        #expect(first.timelineOlder == base + "2#timeline")
        #expect(first.timelineNewer == nil)
        let last = fixture.page(for: Fixture.ana, .init(timelinePage: 3))
        #expect(last.timeline.map(\.summary) == (1...20).reversed().map { "note \($0)" })
        #expect(last.timelineShowing == "Entries 101 to 120 of 120, newest first")
        #expect(last.timelineOlder == nil)
        #expect(last.timelineNewer == base + "2#timeline")
        // A page past the end shows the last one.
        #expect(fixture.page(for: Fixture.ana, .init(timelinePage: 99)).timelineShowing == last.timelineShowing)
        // A short timeline is shown whole, without links.
        fixture.timeline = Array(fixture.timeline.prefix(3))
        let short = fixture.page(for: Fixture.ana)
        #expect(short.timeline.map(\.summary) == ["note 3", "note 2", "note 1"])
        #expect(short.timelineShowing == nil && short.timelineOlder == nil && short.timelineNewer == nil)
    }

    @Test func eachDeadlineSaysWhenItWasMetFellDueOrFallsDue() {
        let rows = Fixture().page(for: Fixture.ana).deadlines
        #expect(rows.map(\.kind) == [Label(DeadlineKind.acknowledgement), Label(DeadlineKind.firstReview), Label(DeadlineKind.decision)])
        #expect(rows.map(\.status) == ["Met 2 November 2026", "Overdue since 16 November 2026", "Due 28 December 2026"])
        #expect(rows.map(\.overdue) == [false, true, false])
        #expect(rows[2].explanation == "56 calendar days from 2 November = 28 December")
    }

    @Test func theContactFormIsFilledInFromTheAppealUnlessACorrectionCameBackWithProblems() {
        let fixture = Fixture()
        let form = try! #require(fixture.page(for: Fixture.pat).contactForm)
        #expect(form.name == "Ana Citizen" && form.email == "ana@example.org" && form.mobile == "+15185550100")
        #expect(form.byEmail && !form.letter && !form.bySMS && !form.open)
        let typed = ContactCorrection(name: "", address: AddressFields(fixture.appeal!).address, email: "x", mobile: "", channel: "sms")
        let returned = fixture.page(
            for: Fixture.pat,
            .init(contactForm: .init(typed, fields: AddressFields(fixture.appeal!), problems: [.noName, .badEmail])))
        #expect(returned.contactForm?.name == "" && returned.contactForm?.bySMS == true)
        #expect(returned.contactForm?.noName == true && returned.contactForm?.badEmail == true && returned.contactForm?.open == true)
    }

    @Test func aReturnedLetterAndAFailedAcknowledgementAreNamedOnThePage() {
        var fixture = Fixture()
        #expect(fixture.page(for: Fixture.ana).hasLetters == false)
        fixture.letters = [fixture.letter(.acknowledgement, .returned, returnReason: "Moved away")]
        fixture.letters.append(fixture.letter(.decision, .failed, problem: "No postal address"))
        fixture.failedMessages = [
            OutboxMessage(
                id: "m1", reference: fixture.reference, kind: .acknowledgement, createdAt: fixture.clock.now(), attempts: 5,
                lastError: "mailbox full")
        ]
        let page = fixture.page(for: Fixture.ana)
        #expect(page.hasLetters)
        #expect(page.letters.map(\.kind.code) == [LetterKind.acknowledgement.rawValue, LetterKind.decision.rawValue])
        #expect(page.letters.map(\.status) == ["Returned undelivered: Moved away", "Could not be produced: No postal address"])
        #expect(page.letters.map(\.when) == ["22 November 2026, 10:00", "22 November 2026, 10:00"])
        #expect(page.letters.map(\.pages) == ["2 pages", "2 pages"])
        #expect(page.returnedMail == "A letter came back undelivered: Moved away")
        #expect(page.acknowledgementProblem == "The acknowledgement message could not be sent (mailbox full), so it goes by letter instead")
    }

    @Test func theHearingPanelShowsOnlyForACaseWaitingForItsHearingAndOnlySupervisorsSetIt() {
        #expect(Fixture().page(for: Fixture.cleo).hearing == nil)
        var fixture = Fixture(state: .hearingRequested, assignee: nil)
        #expect(fixture.page(for: Fixture.cleo).hearing?.canSchedule == true)
        #expect(fixture.page(for: Fixture.cleo).hearing?.scheduled == nil)
        fixture.hearing = Hearing(
            reference: fixture.reference, startsAt: fixture.clock.now().addingTimeInterval(7 * 86_400), place: "Room 4",
            setBy: StaffID("cleo"), setAt: fixture.clock.now())
        let panel = fixture.page(for: Fixture.pat).hearing
        #expect(panel?.canSchedule == false)
        #expect(panel?.scheduled == "30 November 2026, 10:00, Room 4")
    }
}
