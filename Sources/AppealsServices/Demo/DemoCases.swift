import AppealsDomain
import Foundation

/// Demo cases in every state, with deadlines near, due and past, so that the queues, the sweeper and the
/// dashboards have something real to show on a first run. Filed and moved through the real use cases, at
/// instants in the past; the sweeper is run as of five days ago, so that old cases have been deemed accepted
/// and recent breaches wait for the server's own sweeper.
public struct DemoCases: Sendable {
    public let cases: any CaseStore
    public let tickets: any TicketRepository
    public let timeZone: TimeZone
    public let now: Date

    public init(cases: any CaseStore, tickets: any TicketRepository, timeZone: TimeZone, now: Date) {
        self.cases = cases
        self.tickets = tickets
        self.timeZone = timeZone
        self.now = now
    }

    /// The demo staff: one per role, plus a reviewer in their first month (whose cancellations need approval).
    public static let staff: [(id: String, name: String, roles: [Role], skills: [Skill], daysAgo: Int)] = [
        ("ana", "Ana Reviewer", [.reviewer], [.disability, .language("es")], 900),
        ("ben", "Ben Reviewer", [.reviewer], [.stolenVehicles, .notOwner], 700),
        ("nia", "Nia Newcomer", [.reviewer], [], 10),
        ("cleo", "Cleo Supervisor", [.supervisor, .reviewer], [.disability, .stolenVehicles, .commercialFleet], 2_000),
        ("dan", "Dan Agent", [.phoneAgent], [], 400),
        ("eve", "Eve Clerk", [.clerk], [], 300),
        ("fay", "Fay Administrator", [.administrator], [], 1_200),
        ("gus", "Gus Auditor", [.auditor], [], 500),
    ]

    /// A step in a demo case's life: `daysAgo` from now, who did what.
    enum Step {
        case acknowledge(Double)
        case startReview(Double, String)
        case requestInformation(Double, String)
        case respond(Double)
        case decide(Double, String, Outcome)
        case approve(Double, String)
        case requestHearing(Double)
        case close(Double, String)
        case withdraw(Double)
    }

    static let people = [
        "Maria Garcia", "James Okafor", "Nguyễn Thị Ánh", "Łukasz Żółć", "Aisha Rahman", "Tom Byrne",
        "Priya Natarajan", "Chen Wei", "Sofia Rossi", "David Cohen",
    ]

    /// Logged calls: which scripted case, when, why, how it ended.
    static let calls: [(index: Int, daysAgo: Double, reason: CallReason, outcome: CallOutcome, resolved: Bool, note: String)] = [
        (2, 3, .statusEnquiry, .answered, true, "Read her the status; she was reassured the deadline is paused."),
        (6, 4, .evidence, .answered, true, "Asked how to send the receipt; told her about the answer form on the status page."),
        (6, 2, .evidence, .callBackNeeded, false, "Receipt upload failing on her phone; reviewer to call back."),
        (6, 1, .complaint, .passedToReviewer, false, "Third call about the receipt. Unhappy with the wait."),
        (11, 6, .payment, .answered, true, "Asked whether to pay now; explained penalties are on hold while we decide."),
        (12, 10, .deadline, .answered, true, "Asked for more time to answer; told him the date on the letter."),
    ]

    /// The scripted cases: days ago filed, grounds, steps.
    static let script: [(filed: Double, grounds: [Ground], steps: [Step])] = [
        (0.2, [.permitDisplayed], []),
        (1, [.paidForParking], [.acknowledge(0.5)]),
        (4, [.signsUnclear], []),  // acknowledgement overdue: the sweeper escalates it
        (6, [.disabilityPlacard], [.acknowledge(5)]),
        (12, [.paidForParking], [.acknowledge(11), .startReview(10, "ana")]),
        (9, [.vehicleStolen], [.acknowledge(8), .startReview(7, "ben")]),
        (20, [.permitDisplayed, .signsUnclear], [.acknowledge(19), .startReview(18, "ana"), .requestInformation(5, "ana")]),
        (24, [.notOwner], [.acknowledge(23), .startReview(20, "ben"), .requestInformation(16, "ben")]),  // answer overdue
        (15, [.permitDisplayed], [.acknowledge(14), .startReview(13, "nia"), .decide(2, "nia", .cancelled)]),  // four eyes
        (25, [.paidForParking], [.acknowledge(24), .startReview(20, "ana"), .decide(3, "ana", .cancelled)]),
        (28, [.signsUnclear], [.acknowledge(27), .startReview(22, "ben"), .decide(4, "ben", .reduced)]),
        (30, [.other], [.acknowledge(29), .startReview(25, "ana"), .decide(5, "ana", .upheld)]),
        (35, [.permitDisplayed], [.acknowledge(34), .startReview(30, "ben"), .decide(10, "ben", .upheld), .requestHearing(4)]),
        (60, [.vehicleBrokenDown], [.acknowledge(59), .startReview(55, "ana"), .decide(40, "ana", .upheld), .close(15, "cleo")]),
        (8, [.emergency], [.acknowledge(7), .withdraw(6)]),
        (70, [.ticketDetailsWrong], [.acknowledge(69), .startReview(60, "ben")]),  // no decision in time: deemed accepted
        (54, [.permitDisplayed], [.acknowledge(53), .startReview(50, "ana")]),  // statutory deadline in two days
        (50, [.disabilityPlacard], [.acknowledge(49), .startReview(45, "cleo")]),
        (3, [.paidForParking, .other], [.acknowledge(2)]),
        (2, [.vehicleStolen], []),
        (11, [.signsUnclear], [.acknowledge(10)]),  // first review overdue tomorrow
        (16, [.permitDisplayed], [.acknowledge(15)]),  // first review overdue: escalated
    ]

    /// Files the demo cases that are not there yet. Returns how many were filed.
    /// The demo cases' references, in the script's order.
    public static let references = script.indices.map { CaseReference(randomBits: 4_200_000 + UInt64($0) * 104_729) }
    /// A letter posted eight days before a clerk entered it: its postmark waits for a supervisor to confirm it.
    static let postmarkToConfirm = 20

    static func channel(_ index: Int) -> Channel { index % 5 == 4 ? .phone : (index % 7 == 6 ? .mail : .web) }
    /// The appeals that came by post (a clerk entered them), which `appeals demo` gives a scanned letter.
    public static let paperAppeals = script.indices.filter { channel($0) == .mail }.map { references[$0] }

    public func load() async throws -> Int {
        let references = Self.references
        let calendar = BusinessCalendar(timeZone: timeZone)
        // At 10:00 local time, `days` ago.
        func at(_ days: Double) -> Date {
            let day = calendar.local(now.addingTimeInterval(-days * 86_400)).date
            return calendar.instant(day, LocalTime(hour: 10)).addingTimeInterval(days.truncatingRemainder(dividingBy: 1) * 3600)
        }
        func actor(_ id: String, _ role: Role) -> Actor {
            let days = Self.staff.first { $0.id == id }?.daysAgo ?? 1_000
            return Actor(role: role, staffID: StaffID(id), startedOn: calendar.local(now.addingTimeInterval(-Double(days) * 86_400)).date)
        }

        // Each case gets a ticket of its own, issued two days before it was filed.
        let violations = DemoTickets.violations
        let rows = Self.script.enumerated().map { index, entry in
            let violation = violations[index % violations.count]
            return ImportedTicketRow(
                line: index + 2,
                ticket: Ticket(
                    number: TicketNumber("RV9\(String(format: "%07d", index * 13 + 101))")!,
                    plate: Plate(number: PlateNumber("DMO\(1000 + index * 37)")!, region: PlateRegion(index % 4 == 0 ? "NJ" : "NY")!),
                    issuedAt: at(entry.filed + 2), location: "\(10 + index * 7) \(DemoTickets.streets[index % DemoTickets.streets.count])",
                    violation: Violation(code: violation.code, description: violation.text), amountCents: violation.cents,
                    officerID: OfficerID("CEO1\(index % 40)"), towed: index % 6 == 5
                ))
        }
        let importID = TicketImportID("demo-cases-" + ISO8601Timestamp.formatUTC(now))
        try await tickets.beginImport(importID, source: "demo cases", at: now)
        _ = try await tickets.importBatch(rows, importID: importID, at: now)
        try await tickets.finishImport(
            importID, summary: TicketImportSummary(imported: rows.count, updated: 0, unchanged: 0, rejected: 0), at: now)

        var filed = 0
        for (index, entry) in Self.script.enumerated() where try await cases.load(references[index]) == nil {
            filed += 1
            let person = Self.people[index % Self.people.count]
            let details = AppealDetails(
                statement: "I would like the ticket cancelled. My evidence is attached and I am happy to answer any questions.",
                contactName: person,
                // Some write from a long address (a legal aid office's, six lines in the envelope's window with the name).
                postalAddress: index % 10 == 7
                    ? "c/o Riverton Community Legal Aid\nAttn: Appeals Desk\n1200 Martin Luther King Jr Blvd\nSuite \(400 + index)\nRiverton, RV 20501-4412"
                    : "\(20 + index) Harbor Ave, Apt \(index + 1), Riverton, RV 20501",
                email: index % 3 == 0 ? nil : "citizen\(index)@example.org",
                // One number per person: people come back (index 0 and 10 are the same caller), so agents meet repeat callers.
                mobile: index % 2 == 0 ? "+1555010\(String(format: "%04d", 1000 + index % Self.people.count))" : nil,
                preferredChannel: index % 3 == 0 ? .letter : (index % 2 == 0 ? .sms : .email),
                language: index % 7 == 3 ? "es" : "en"
            )
            let reference = references[index]
            let channel = Self.channel(index)
            _ = try await FileAppeal(cases: cases, tickets: tickets, clock: FixedWallClock(at(entry.filed)), timeZone: timeZone)(
                ticket: rows[index].ticket.number, grounds: entry.grounds, details: details, channel: channel,
                by: channel == .web ? .citizen : (channel == .phone ? actor("dan", .phoneAgent) : actor("eve", .clerk)),
                reference: reference,
                receivedAt: index == Self.postmarkToConfirm ? at(entry.filed + 8) : nil
            )
            for step in entry.steps {
                func engine(_ days: Double) -> CaseEngine {
                    CaseEngine(store: cases, clock: FixedWallClock(at(days)), timeZone: timeZone)
                }
                switch step {
                case .acknowledge(let d): try await engine(d).apply(.acknowledge, to: reference, by: .system)
                case .startReview(let d, let who): try await engine(d).apply(.startReview, to: reference, by: actor(who, .reviewer))
                case .requestInformation(let d, let who):
                    let question = Interaction(
                        at: at(d), channel: .web, direction: .outbound, actor: who, kind: .informationRequested,
                        summary: "Please send a photo of your permit as it was displayed, showing its number and expiry date.",
                        isPublic: true)
                    try await engine(d).apply(.requestInformation, to: reference, by: actor(who, .reviewer), interaction: question)
                case .respond(let d): try await engine(d).apply(.citizenResponded, to: reference, by: .citizen)
                case .decide(let d, let who, let outcome):
                    let amount = rows[index].ticket.amountCents
                    let draft = DecisionDraft(
                        outcome: outcome, reducedAmountCents: outcome == .reduced ? amount / 2 : nil,
                        reasonCode: outcome == .upheld ? .contraventionOccurred : .evidenceAccepted
                    )
                    try await engine(d).apply(.decide(draft), to: reference, by: actor(who, .reviewer))
                case .approve(let d, let who): try await engine(d).apply(.approveDecision, to: reference, by: actor(who, .supervisor))
                case .requestHearing(let d): try await engine(d).apply(.requestHearing, to: reference, by: .citizen)
                case .close(let d, let who):
                    // Its decision letter was served long enough before for the hearing window to have passed.
                    try await engine(d).recordDecisionServed(reference, at: at(d + 22))
                    try await engine(d).apply(.close, to: reference, by: actor(who, .supervisor))
                case .withdraw(let d): try await engine(d).apply(.withdraw, to: reference, by: .citizen)
                }
            }
            // Calls: some citizens rang, and one keeps ringing (a repeat contact, which raises the priority).
            for call in Self.calls where call.index == index {
                let engine = CaseEngine(store: cases, clock: FixedWallClock(at(call.daysAgo)), timeZone: timeZone)
                try await engine.recordContact(
                    Interaction(
                        at: at(call.daysAgo), channel: .phone, direction: .inbound, actor: "dan", kind: .call, summary: call.note,
                        isPublic: false, call: CallDetails(reason: call.reason, outcome: call.outcome, resolvedOnCall: call.resolved)),
                    on: reference)
            }
            // Citizens look their case up: on the status page, and on the automated phone line (the status API),
            // a few times a day, half-way between filing and now.
            let day = calendar.localDate(at(entry.filed / 2))
            var checks: [StatusChecks] = []
            if index % 3 == 1 {
                checks.append(
                    StatusChecks(
                        reference: reference, day: day, channel: .phone, count: 1 + index % 4, first: at(entry.filed / 2),
                        last: at(entry.filed / 2)))
            }
            if index % 4 == 2 {
                checks.append(
                    StatusChecks(
                        reference: reference, day: day, channel: .web, count: 1 + index % 3, first: at(entry.filed / 2),
                        last: at(entry.filed / 2)))
            }
            if !checks.isEmpty { try await cases.recordStatusChecks(checks) }
        }
        if filed > 0 {
            _ = try await SweepDeadlines(store: cases, clock: FixedWallClock(at(5)), timeZone: timeZone, sweeperName: "demo").run()
        }
        return filed
    }
}
