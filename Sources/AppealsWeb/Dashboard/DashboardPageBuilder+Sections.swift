import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// Each section of the dashboard: its figures for the period beside the previous one, as a chart and a table.
extension DashboardPageBuilder {
    var received: DashboardPage.Section {
        let channels: [Channel] = [.web, .phone, .mail]
        let rows = channels.map { channel in
            DashboardPage.Row(
                label: MeasureLabel(lChannel: Label(channel)),
                cells: counts(.received(channel), current.received[channel] ?? 0, previous.received[channel] ?? 0))
        }
        return .init(
            id: "received", title: "Appeals received, by channel",
            explain: "Appeals filed on the web, taken by phone agents for callers, and entered from letters by clerks.",
            chart: chart(
                "received-chart", "Appeals received by channel", "This period beside the previous period, for each channel.",
                channels.map {
                    (
                        MeasureLabel(lChannel: Label($0)), Double(current.received[$0] ?? 0), Double(previous.received[$0] ?? 0),
                        (current.received[$0] ?? 0).formatted(), (previous.received[$0] ?? 0).formatted()
                    )
                }),
            columns: DashboardPage.periodColumns("Channel"),
            rows: rows + [.init(label: .text("All channels"), cells: counts(.received(nil), current.receivedTotal, previous.receivedTotal))]
        )
    }

    var deadlines: DashboardPage.Section {
        let kinds: [DeadlineKind] = [.acknowledgement, .firstReview, .decision]
        func results(_ f: PeriodFigures, _ kind: DeadlineKind) -> PeriodFigures.DeadlineResults { f.deadlines[kind] ?? .init() }
        return .init(
            id: "deadlines", title: "Deadlines met on time",
            explain:
                "Deadlines met in the period, by their due time or after it, and deadlines that fell due in the period and are still open past it.",
            chart: chart(
                "deadlines-chart", "Deadlines met on time, per deadline", "The share met on time, this period beside the previous period.",
                kinds.map { kind in
                    let (now, before) = (results(current, kind), results(previous, kind))
                    return (
                        MeasureLabel(lDeadline: Label(kind)), now.total == 0 ? 0 : Double(now.onTime) / Double(now.total) * 100,
                        before.total == 0 ? 0 : Double(before.onTime) / Double(before.total) * 100,
                        Self.percent(now.onTime, of: now.total), Self.percent(before.onTime, of: before.total)
                    )
                }, scale: 100),
            columns: ["Deadline", "On time, this period", "On time, previous period", "Met on time", "Met late", "Missed (still open)"],
            rows: kinds.map { kind in
                let (now, before) = (results(current, kind), results(previous, kind))
                return .init(
                    label: MeasureLabel(lDeadline: Label(kind)),
                    cells: [
                        .plain(Self.percent(now.onTime, of: now.total) + " of \(now.total.formatted())"),
                        .plain(Self.percent(before.onTime, of: before.total) + " of \(before.total.formatted())"),
                        .init(text: now.onTime.formatted(), href: link(.deadline(kind, .onTime))),
                        .init(text: now.late.formatted(), href: link(.deadline(kind, .late))),
                        .init(text: now.missed.formatted(), href: link(.deadline(kind, .missed))),
                    ])
            })
    }

    var timeToDecision: DashboardPage.Section {
        let figures: [(String, Int?, Int?)] = [
            ("Median", current.hoursToDecision(percentile: 0.5), previous.hoursToDecision(percentile: 0.5)),
            ("90th percentile", current.hoursToDecision(percentile: 0.9), previous.hoursToDecision(percentile: 0.9)),
        ]
        let decisions = CaseFigure.concluded(nil, ground: nil, reviewer: nil, decisionsOnly: true)
        return .init(
            id: "time-to-decision", title: "Time to decision",
            explain:
                "From receipt to a reviewer’s decision, for the decisions made in the period (time waiting for the citizen included; deemed acceptances and withdrawals not).",
            chart: chart(
                "time-chart", "Time to decision", "Median and 90th percentile in days, this period beside the previous period.",
                figures.map { (.text($0.0), Double($0.1 ?? 0) / 24, Double($0.2 ?? 0) / 24, Self.days($0.1), Self.days($0.2)) }),
            columns: DashboardPage.periodColumns("Measure"),
            rows: figures.map { .init(label: .text($0.0), cells: [.plain(Self.days($0.1)), .plain(Self.days($0.2))]) }
                + [.init(label: .text("Decisions made"), cells: counts(decisions, current.decisions, previous.decisions))])
    }

    var open: DashboardPage.Section {
        .init(
            id: "backlog", title: "Open appeals, by age",
            explain:
                "Appeals not yet decided, withdrawn or deemed accepted at the end of each period, by the days since they were received.",
            chart: chart(
                "backlog-chart", "Open appeals by age", "At the end of this period beside the end of the previous period.",
                AgeBucket.allCases.map {
                    (
                        .text($0.text), Double(current.openAtEnd[$0] ?? 0), Double(previous.openAtEnd[$0] ?? 0),
                        (current.openAtEnd[$0] ?? 0).formatted(), (previous.openAtEnd[$0] ?? 0).formatted()
                    )
                }),
            columns: ["Age", "At the end of this period", "At the end of the previous period"],
            rows: AgeBucket.allCases.map {
                .init(label: .text($0.text), cells: counts(.openAtEnd($0), current.openAtEnd[$0] ?? 0, previous.openAtEnd[$0] ?? 0))
            } + [.init(label: .text("All open"), cells: counts(.openAtEnd(nil), current.openAtEndTotal, previous.openAtEndTotal))])
    }

    var openNow: DashboardPage.Section {
        let states = CaseState.allCases.filter(\.isUndecided)
        return .init(
            id: "backlog-now", title: "Open appeals now, by state and age", explain: "Where the open appeals stand today.", chart: nil,
            wide: true, columns: ["State"] + AgeBucket.allCases.map(\.text) + ["All"],
            rows: states.map { state in
                let counts = report.openNow[state] ?? [:]
                return .init(
                    label: MeasureLabel(lState: Label(state)),
                    cells: AgeBucket.allCases.map { .init(text: (counts[$0] ?? 0).formatted(), href: link(.openNow(state, $0))) }
                        + [.init(text: counts.values.reduce(0, +).formatted(), href: link(.openNow(state, nil)))])
            })
    }

    var conclusions: DashboardPage.Section {
        let (now, before) = (current.conclusionTotals, previous.conclusionTotals)
        return .init(
            id: "outcomes", title: "Outcomes",
            explain: "How the appeals concluded in the period ended. The target for deemed acceptances is zero.",
            chart: chart(
                "outcomes-chart", "Outcomes", "Appeals concluded each way, this period beside the previous period.",
                Conclusion.allCases.map {
                    (
                        MeasureLabel(lConclusion: Label($0)), Double(now[$0] ?? 0), Double(before[$0] ?? 0), (now[$0] ?? 0).formatted(),
                        (before[$0] ?? 0).formatted()
                    )
                }),
            columns: DashboardPage.periodColumns("Outcome"),
            rows: Conclusion.allCases.map {
                .init(
                    label: MeasureLabel(lConclusion: Label($0)),
                    cells: counts(.concluded($0, ground: nil, reviewer: nil, decisionsOnly: false), now[$0] ?? 0, before[$0] ?? 0))
            })
    }

    var byGround: DashboardPage.Section {
        let table = current.conclusionsByGround
        return .init(
            id: "outcomes-by-ground", title: "Outcomes by ground, this period",
            explain: "An appeal on more than one ground counts under each.", chart: nil,
            wide: true, columns: ["Ground"] + Conclusion.allCases.map(Self.conclusionName) + ["All"],
            rows: Ground.allCases.filter { table[$0] != nil }.map { ground in
                let row = table[ground] ?? [:]
                return .init(
                    label: MeasureLabel(lGround: Label(ground)),
                    cells: Conclusion.allCases.map {
                        .init(
                            text: (row[$0] ?? 0).formatted(),
                            href: link(.concluded($0, ground: ground, reviewer: nil, decisionsOnly: false)))
                    } + [
                        .init(
                            text: row.values.reduce(0, +).formatted(),
                            href: link(.concluded(nil, ground: ground, reviewer: nil, decisionsOnly: false)))
                    ])
            })
    }

    var byReviewer: DashboardPage.Section {
        let outcomes: [Conclusion] = [.cancelled, .reduced, .upheld]
        let reviewers = current.decisionsByReviewer.keys.sorted { (report.names[$0] ?? $0.value) < (report.names[$1] ?? $1.value) }
        return .init(
            id: "outcomes-by-reviewer", title: "Decisions by reviewer, this period", explain: "Each reviewer’s decisions that took effect.",
            chart: nil, columns: ["Reviewer"] + outcomes.map(Self.conclusionName) + ["All"],
            rows: reviewers.map { reviewer in
                let row = current.decisionsByReviewer[reviewer] ?? [:]
                return .init(
                    label: .text(report.names[reviewer] ?? reviewer.value),
                    cells: outcomes.map {
                        .init(
                            text: (row[$0] ?? 0).formatted(),
                            href: link(.concluded($0, ground: nil, reviewer: reviewer, decisionsOnly: false)))
                    } + [
                        .init(
                            text: row.values.reduce(0, +).formatted(),
                            href: link(.concluded(nil, ground: nil, reviewer: reviewer, decisionsOnly: false)))
                    ])
            })
    }

    static func conclusionName(_ conclusion: Conclusion) -> String {
        switch conclusion {
        case .cancelled: "Cancelled"
        case .reduced: "Reduced"
        case .upheld: "Upheld"
        case .deemedAccepted: "Deemed accepted"
        case .withdrawn: "Withdrawn"
        }
    }

    var phone: DashboardPage.Section {
        .init(
            id: "phone", title: "Phone enquiries",
            explain:
                "Calls logged by phone agents. First-contact resolution: the share resolved on the call. Repeat contacts: the share about a case the citizen had called about before.",
            chart: chart(
                "phone-chart", "First-contact resolution and repeat contacts",
                "Shares of the calls logged, this period beside the previous period.",
                [
                    (
                        .text("Resolved on the call"), Self.share(current.callsResolved, current.calls),
                        Self.share(previous.callsResolved, previous.calls),
                        Self.percent(current.callsResolved, of: current.calls), Self.percent(previous.callsResolved, of: previous.calls)
                    ),
                    (
                        .text("Repeat contacts"), Self.share(current.repeatCalls, current.calls),
                        Self.share(previous.repeatCalls, previous.calls),
                        Self.percent(current.repeatCalls, of: current.calls), Self.percent(previous.repeatCalls, of: previous.calls)
                    ),
                ], scale: 100),
            columns: DashboardPage.periodColumns("Measure"),
            rows: [
                .init(label: .text("Calls logged"), cells: counts(.calls(.all), current.calls, previous.calls)),
                .init(
                    label: .text("Resolved on the call"),
                    cells: [
                        .init(
                            text: Self.share(of: current.callsResolved, current.calls),
                            href: link(.calls(.resolved))),
                        .init(
                            text: Self.share(of: previous.callsResolved, previous.calls),
                            href: link(.calls(.resolved), previous: true)),
                    ]),
                .init(
                    label: .text("Repeat contacts"),
                    cells: [
                        .init(
                            text: Self.share(of: current.repeatCalls, current.calls),
                            href: link(.calls(.repeats))),
                        .init(
                            text: Self.share(of: previous.repeatCalls, previous.calls),
                            href: link(.calls(.repeats), previous: true)),
                    ]),
            ])
    }

    /// "67% (4)", or "No calls".
    static func share(of part: Int, _ calls: Int) -> String {
        calls == 0 ? "No calls" : "\(percent(part, of: calls)) (\(part.formatted()))"
    }

    static func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) * 100 }

    var letters: DashboardPage.Section {
        let figures: [(String, CaseFigure.LetterEvent, Int, Int)] = [
            ("Printed", .printed, current.lettersPrinted, previous.lettersPrinted),
            ("Posted", .posted, current.lettersPosted, previous.lettersPosted),
            ("Returned undelivered", .returned, current.lettersReturned, previous.lettersReturned),
        ]
        return .init(
            id: "letters", title: "Letters", explain: "Letters in print batches marked printed, letters posted, and letters returned.",
            chart: chart(
                "letters-chart", "Letters printed, posted and returned", "This period beside the previous period.",
                figures.map { (.text($0.0), Double($0.2), Double($0.3), $0.2.formatted(), $0.3.formatted()) }),
            columns: DashboardPage.periodColumns("Letters"),
            rows: figures.map { .init(label: .text($0.0), cells: counts(.letters($0.1), $0.2, $0.3)) })
    }
}
