import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

/// The dashboard's measures on a hand-built set of cases, each expected value worked out below, on both engines.
///
/// The period is 2 to 15 March 2026 in New York, which crosses the start of daylight saving time (8 March); the
/// previous period is 16 February to 1 March. "Now" is Monday 16 March, noon. A deadline counts in the period it was
/// met in (on time or late), or, still open past its due time, in the period it fell due in. (Letters printed, posted
/// and returned are counted through the real print room in `PrintRoomTests`.)
///
/// | case | filed (New York)         | channel | what happens                                                              |
/// |------|--------------------------|---------|---------------------------------------------------------------------------|
/// | A    | Tue 3 Mar 10:00          | web     | acknowledged 4 Mar (due 5 Mar: on time), upheld by rev-1 9 Mar 10:00 (143 h) |
/// | B    | Tue 3 Mar 11:00          | phone   | information asked 5 Mar, answered 6 Mar (reopened), acknowledged 9 Mar (due 6 Mar, the paused day added: late), cancelled by rev-2 10 Mar 11:00 (167 h); called 5 Mar (resolved) and 6 Mar (not: a repeat) |
/// | C    | Wed 4 Mar 09:00          | mail    | withdrawn 5 Mar                                                           |
/// | D    | Sat 10 Jan 09:00         | web     | deemed accepted by the sweeper 10 Mar (its decision deadline, due 7 Mar, met late) |
/// | E    | Sun 15 Mar 23:30 (EDT)   | web     | open: received inside the period, 03:30 UTC the next day               |
/// | F    | Fri 20 Feb 10:00         | web     | open, never reviewed: acknowledgement due 24 Feb missed (previous period), first review due 6 Mar missed |
/// | G    | Mon 16 Mar 00:30 (EDT)   | web     | open: after the period (04:30 UTC: inside it if the end were taken at the winter offset) |
@Suite("The dashboard's measures")
struct DashboardMeasuresTests {
    static let zone = TimeZone(identifier: "America/New_York")!
    static func local(_ text: String) -> Date {
        let calendar = BusinessCalendar(timeZone: zone)
        return calendar.endOfMinute(text)!.addingTimeInterval(-60)
    }

    static let period = ReportingPeriod(from: LocalDate(iso: "2026-03-02")!, to: LocalDate(iso: "2026-03-15")!)!
    static let now = local("2026-03-16T12:00")

    static func build(_ world: CaseWorld) async throws -> [String: CaseReference] {
        try await world.importTickets(7)
        try await world.importTickets(1, issuedAt: local("2026-01-02T09:00"), prefix: "J")
        var cases: [String: CaseReference] = [:]
        func at(_ text: String) { world.clock.set(local(text)) }
        let agent = Actor(role: .phoneAgent, staffID: StaffID("agent-1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        func call(_ reference: CaseReference, resolved: Bool) async throws {
            _ = try await world.engine.recordContact(
                Interaction(
                    at: world.clock.now(), channel: .phone, direction: .inbound, actor: "agent-1", kind: .call, isPublic: false,
                    call: CallDetails(reason: .statusEnquiry, outcome: .answered, resolvedOnCall: resolved)),
                on: reference)
        }
        let rev1 = Actor(role: .reviewer, staffID: StaffID("rev-1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        let rev2 = Actor(role: .reviewer, staffID: StaffID("rev-2"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        _ = agent

        at("2026-01-10T09:00")
        cases["D"] = try await world.file("J0")
        at("2026-02-20T10:00")
        cases["F"] = try await world.file("T5")
        at("2026-03-03T10:00")
        cases["A"] = try await world.file("T0", grounds: [.permitDisplayed])
        at("2026-03-03T11:00")
        cases["B"] = try await world.file("T1", grounds: [.signsUnclear, .other], channel: .phone)
        at("2026-03-04T09:00")
        cases["C"] = try await world.file("T2", channel: .mail)
        at("2026-03-04T12:00")
        try await world.engine.apply(.acknowledge, to: cases["A"]!, by: .system)
        try await world.engine.apply(.startReview, to: cases["A"]!, by: rev1)
        at("2026-03-05T09:00")
        try await world.engine.apply(.withdraw, to: cases["C"]!, by: .citizen)
        try await world.engine.apply(.startReview, to: cases["B"]!, by: rev2)
        try await world.engine.apply(.requestInformation, to: cases["B"]!, by: rev2)
        try await call(cases["B"]!, resolved: true)
        at("2026-03-06T09:00")
        try await world.engine.apply(.citizenResponded, to: cases["B"]!, by: .citizen)
        try await call(cases["B"]!, resolved: false)
        at("2026-03-09T09:00")
        try await world.engine.apply(.acknowledge, to: cases["B"]!, by: .system)
        at("2026-03-09T10:00")
        try await world.engine.apply(
            .decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)), to: cases["A"]!, by: rev1)
        at("2026-03-10T11:00")
        try await world.engine.apply(.decide(DecisionDraft(outcome: .cancelled, reasonCode: .evidenceAccepted)), to: cases["B"]!, by: rev2)
        _ = try await world.sweeper().run()
        at("2026-03-15T23:30")
        cases["E"] = try await world.file("T3")
        at("2026-03-16T00:30")
        cases["G"] = try await world.file("T4")
        world.clock.set(now)

        return cases
    }

    static func dashboard(_ world: CaseWorld) -> Dashboard {
        Dashboard(queries: SQLMeasureQueries(database: world.db), calendar: BusinessCalendar(timeZone: zone), clock: world.clock)
    }

    @Test(arguments: TestDatabase.engines)
    func eachMeasureOfAPeriodThatCrossesADaylightSavingChangeAndTheOneBefore(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.addStaff("agent-1", role: .phoneAgent)
            let cases = try await Self.build(world)
            let report = try await Self.dashboard(world).report(Self.period)
            let f = report.current

            #expect(f.received == [.web: 2, .phone: 1, .mail: 1], "A, E on the web; B by phone; C by post; not G (16 March)")
            #expect(f.deadlines[.acknowledgement] == .init(onTime: 1, late: 1, missed: 0), "A on time, B late; C withdrawn")
            #expect(f.deadlines[.firstReview] == .init(onTime: 2, late: 0, missed: 1), "A's and B's met; F's, due 6 March, missed")
            #expect(
                f.deadlines[.decision] == .init(onTime: 2, late: 1, missed: 0),
                "A and B decided in time; D deemed accepted 10 March, due 7 March")
            #expect(
                f.hoursToDecision == [138: 1, 162: 1],
                "A: 143 hours (6 days less the hour the clocks went forward), B: 167; counted in steps of 6 hours")
            #expect(f.hoursToDecision(percentile: 0.5) == 138)
            #expect(f.hoursToDecision(percentile: 0.9) == 162)
            #expect(f.conclusionTotals == [.upheld: 1, .cancelled: 1, .withdrawn: 1, .deemedAccepted: 1])
            #expect(f.deemedAcceptances == 1)
            #expect(f.conclusionsByGround[.signsUnclear] == [.cancelled: 1])
            #expect(f.conclusionsByGround[.other] == [.cancelled: 1])
            #expect(f.conclusionsByGround[.permitDisplayed] == [.upheld: 1, .withdrawn: 1, .deemedAccepted: 1])
            #expect(f.decisionsByReviewer == [StaffID("rev-1"): [.upheld: 1], StaffID("rev-2"): [.cancelled: 1]])
            #expect(report.names[StaffID("rev-1")] == "rev-1")
            #expect((f.calls, f.callsResolved, f.repeatCalls) == (2, 1, 1))
            #expect(f.openAtEnd == [.upTo7: 1, .upTo28: 1], "E (0 days) and F (24 days) at the start of 16 March")

            let p = report.previous
            #expect(p.received == [.web: 1], "F")
            #expect(p.deadlines[.acknowledgement] == .init(onTime: 0, late: 0, missed: 1), "F's, due 24 February")
            #expect(p.hoursToDecision.isEmpty && p.conclusions.isEmpty && p.calls == 0)
            #expect(p.openAtEnd == [.upTo14: 1, .upTo56: 1], "F (9 days) and D (50 days, deemed accepted only later) on 2 March")

            #expect(report.openNow == [.submitted: [.upTo7: 2, .upTo28: 1]], "E and G this week, F from February")

            // The cases behind figures are the ones counted.
            let dashboard = Self.dashboard(world)
            func behind(_ figure: CaseFigure, _ period: ReportingPeriod = Self.period) async throws -> Set<String> {
                Set(try await dashboard.cases(behind: figure, in: period, offset: 0, limit: 50).map(\.reference.value))
            }
            let names = Dictionary(uniqueKeysWithValues: cases.map { ($0.value.value, $0.key) })
            func named(_ figure: CaseFigure, _ period: ReportingPeriod = Self.period) async throws -> Set<String> {
                Set(try await behind(figure, period).compactMap { names[$0] })
            }
            #expect(try await named(.received(nil)) == ["A", "B", "C", "E"])
            #expect(try await named(.received(.phone)) == ["B"])
            #expect(try await named(.deadline(.acknowledgement, .late)) == ["B"])
            #expect(try await named(.deadline(.decision, .onTime)) == ["A", "B"])
            #expect(try await named(.deadline(.firstReview, .missed)) == ["F"])
            #expect(try await named(.concluded(.deemedAccepted, ground: nil, reviewer: nil, decisionsOnly: false)) == ["D"])
            #expect(try await named(.concluded(nil, ground: nil, reviewer: nil, decisionsOnly: true)) == ["A", "B"])
            #expect(try await named(.concluded(nil, ground: .permitDisplayed, reviewer: nil, decisionsOnly: false)) == ["A", "C", "D"])
            #expect(try await named(.concluded(nil, ground: nil, reviewer: StaffID("rev-2"), decisionsOnly: false)) == ["B"])
            #expect(try await named(.calls(.repeats)) == ["B"])
            #expect(try await named(.calls(.unresolved)) == ["B"])
            #expect(try await named(.openAtEnd(.upTo28)) == ["F"])
            #expect(try await named(.openAtEnd(.upTo56), Self.period.previous) == ["D"])
            #expect(try await named(.openNow(.submitted, .upTo7)) == ["E", "G"])
        }
    }

    /// Messages and calls back, on the same cases (A–G above), times in New York:
    ///
    /// | row | what                                                  | counts as                                   |
    /// |-----|-------------------------------------------------------|---------------------------------------------|
    /// | m1  | e-mail on A, 4 Mar 10:00; staff wrote 15:00            | received by e-mail, 5 h to first reply      |
    /// | m2  | text on B, 5 Mar 08:00; B's call logged 09:00          | received by text, 1 h                       |
    /// | m3  | e-mail unmatched, Sat 7 Mar 10:00; answered Mon 9 Mar 10:00 | by e-mail, 47 h (the clocks went forward) |
    /// | m4  | e-mail on C, 12 Mar 10:00, nothing since               | by e-mail, not answered                     |
    /// | m5  | an out-of-office on A, 6 Mar                           | nothing                                     |
    /// | m6  | e-mail on E, Mon 16 Mar 01:00                          | nothing (after the period)                  |
    /// | m7  | a message still being received (a claim), 6 Mar        | nothing                                     |
    /// | cb1 | A, window 10 Mar 09:00–12:00, called 10:30             | kept on time                                |
    /// | cb2 | B, window 11 Mar 12:00–17:00, called 12 Mar 09:00      | kept late                                   |
    /// | cb3 | E, window 13 Mar 09:00–12:00, never called             | not kept                                    |
    /// | cb4 | F, window 16 Mar 09:00–12:00 (after the period)        | nothing                                     |
    @Test(arguments: TestDatabase.engines)
    func messagesTheirFirstReplyAndCallsBackOfAPeriod(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.addStaff("agent-1", role: .phoneAgent)
            let cases = try await Self.build(world)
            func time(_ text: String) -> String { Stored.time(Self.local(text)) }
            let messages: [(String, String, String, String, String?, String?, String)] = [
                ("m1", "email", "2026-03-04T10:00", "on_case", "A", nil, "done"),
                ("m2", "sms", "2026-03-05T08:00", "on_case", "B", nil, "done"),
                ("m3", "email", "2026-03-07T10:00", "unmatched", nil, "2026-03-09T10:00", "done"),
                ("m4", "email", "2026-03-12T10:00", "on_case", "C", nil, "done"),
                ("m5", "email", "2026-03-06T10:00", "auto_reply", "A", nil, "done"),
                ("m6", "email", "2026-03-16T01:00", "on_case", "E", nil, "done"),
                ("m7", "email", "2026-03-06T10:00", "unmatched", nil, nil, "receiving"),
            ]
            try await world.db.withConnection { db in
                for (id, channel, at, disposition, on, answered, state) in messages {
                    try await db.raw(
                        """
                        INSERT INTO inbound_messages (id, message_key, channel, received_at, sender, subject, new_text, full_text,
                            disposition, case_reference, attachments, answered_at, state)
                        VALUES (\(bind: id), \(bind: "key-" + id), \(bind: channel), \(bind: time(at)), 'someone@example.com', '', 'hello',
                            'hello', \(bind: disposition), \(bind: on.map { cases[$0]!.value }), 0, \(bind: answered.map(time)), \(bind: state))
                        """
                    ).run()
                }
                let written = Interaction(
                    at: Self.local("2026-03-04T15:00"), channel: .email, direction: .outbound, actor: "agent-1", kind: .messageWritten,
                    summary: "We have it", isPublic: true)
                try await SQLCaseStore.insert([(cases["A"]!, written)], on: db)
                let callbacks: [(String, String, String, String, String?)] = [
                    ("cb1", "A", "2026-03-10T09:00", "2026-03-10T12:00", "2026-03-10T10:30"),
                    ("cb2", "B", "2026-03-11T12:00", "2026-03-11T17:00", "2026-03-12T09:00"),
                    ("cb3", "E", "2026-03-13T09:00", "2026-03-13T12:00", nil),
                    ("cb4", "F", "2026-03-16T09:00", "2026-03-16T12:00", nil),
                ]
                for (id, on, starts, ends, done) in callbacks {
                    try await db.raw(
                        """
                        INSERT INTO callbacks (id, case_reference, phone, window_id, starts_at, ends_at, reason, requested_by,
                            requested_at, status, done_at)
                        VALUES (\(bind: id), \(bind: cases[on]!.value), '+12035550144', 'w', \(bind: time(starts)), \(bind: time(ends)),
                            '', 'citizen', \(bind: time(starts)), \(bind: done == nil ? "missed" : "done"), \(bind: done.map(time)))
                        """
                    ).run()
                }
            }
            let f = try await Self.dashboard(world).report(Self.period).current
            #expect(f.messagesReceived == [.email: 3, .sms: 1], "m1, m3, m4 by e-mail; m2 by text")
            #expect(f.hoursToFirstReply.sorted() == [1, 5, 47], "m2, m1, m3 (a day of 23 hours in it)")
            #expect(f.medianHoursToFirstReply == 5)
            #expect(f.messagesUnanswered == 1, "m4")
            #expect(f.callbacks == .init(onTime: 1, late: 1, missed: 1), "cb1, cb2, cb3")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anEmptyPeriodCountsNothingAndHasNoTimeToDecision(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            _ = try await Self.build(world)
            let empty = ReportingPeriod(from: LocalDate(iso: "2025-06-01")!, to: LocalDate(iso: "2025-06-30")!)!
            let report = try await Self.dashboard(world).report(empty)
            #expect(report.current == PeriodFigures())
            #expect(report.current.hoursToDecision(percentile: 0.5) == nil)
            #expect(report.previous == PeriodFigures())
        }
    }
}
