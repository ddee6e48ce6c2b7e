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
            id: "received", title: DashboardWords.receivedTitle.text,
            explain: DashboardWords.receivedExplain.text,
            chart: chart(
                "received-chart", DashboardWords.receivedChart.text, DashboardWords.receivedChartExplain.text,
                channels.map {
                    (
                        MeasureLabel(lChannel: Label($0)), Double(current.received[$0] ?? 0), Double(previous.received[$0] ?? 0),
                        (current.received[$0] ?? 0).formatted(), (previous.received[$0] ?? 0).formatted()
                    )
                }),
            columns: DashboardPage.periodColumns(DashboardWords.channel.text),
            rows: rows + [
                .init(
                    label: .text(DashboardWords.allChannels.text),
                    cells: counts(.received(nil), current.receivedTotal, previous.receivedTotal))
            ]
        )
    }

    var deadlines: DashboardPage.Section {
        let kinds: [DeadlineKind] = [.acknowledgement, .firstReview, .decision]
        func results(_ f: PeriodFigures, _ kind: DeadlineKind) -> PeriodFigures.DeadlineResults { f.deadlines[kind] ?? .init() }
        return .init(
            id: "deadlines", title: DashboardWords.deadlinesTitle.text,
            explain:
                DashboardWords.deadlinesExplain.text,
            chart: chart(
                "deadlines-chart", DashboardWords.deadlinesChart.text, DashboardWords.deadlinesChartExplain.text,
                kinds.map { kind in
                    let (now, before) = (results(current, kind), results(previous, kind))
                    return (
                        MeasureLabel(lDeadline: Label(kind)), now.total == 0 ? 0 : Double(now.onTime) / Double(now.total) * 100,
                        before.total == 0 ? 0 : Double(before.onTime) / Double(before.total) * 100,
                        Self.percent(now.onTime, of: now.total), Self.percent(before.onTime, of: before.total)
                    )
                }, scale: 100),
            columns: [
                DashboardWords.deadline.text, DashboardWords.onTimeThisPeriod.text, DashboardWords.onTimePreviousPeriod.text,
                DashboardWords.metOnTime.text, DashboardWords.metLate.text, DashboardWords.missedStillOpen.text,
            ],
            rows: kinds.map { kind in
                let (now, before) = (results(current, kind), results(previous, kind))
                return .init(
                    label: MeasureLabel(lDeadline: Label(kind)),
                    cells: [
                        .plain(Self.percentOf(now.onTime, now.total)),
                        .plain(Self.percentOf(before.onTime, before.total)),
                        .init(text: now.onTime.formatted(), href: link(.deadline(kind, .onTime))),
                        .init(text: now.late.formatted(), href: link(.deadline(kind, .late))),
                        .init(text: now.missed.formatted(), href: link(.deadline(kind, .missed))),
                    ])
            })
    }

    var timeToDecision: DashboardPage.Section {
        let figures: [(String, Int?, Int?)] = [
            (DashboardWords.median.text, current.hoursToDecision(percentile: 0.5), previous.hoursToDecision(percentile: 0.5)),
            (DashboardWords.percentile90.text, current.hoursToDecision(percentile: 0.9), previous.hoursToDecision(percentile: 0.9)),
        ]
        let decisions = CaseFigure.concluded(nil, ground: nil, reviewer: nil, decisionsOnly: true)
        return .init(
            id: "time-to-decision", title: DashboardWords.timeTitle.text,
            explain:
                DashboardWords.timeExplain.text,
            chart: chart(
                "time-chart", DashboardWords.timeTitle.text, DashboardWords.timeChartExplain.text,
                figures.map { (.text($0.0), Double($0.1 ?? 0) / 24, Double($0.2 ?? 0) / 24, Self.days($0.1), Self.days($0.2)) }),
            columns: DashboardPage.periodColumns(DashboardWords.measure.text),
            rows: figures.map { .init(label: .text($0.0), cells: [.plain(Self.days($0.1)), .plain(Self.days($0.2))]) }
                + [.init(label: .text(DashboardWords.decisionsMade.text), cells: counts(decisions, current.decisions, previous.decisions))])
    }

    var open: DashboardPage.Section {
        .init(
            id: "backlog", title: DashboardWords.backlogTitle.text,
            explain:
                DashboardWords.backlogExplain.text,
            chart: chart(
                "backlog-chart", DashboardWords.backlogChart.text, DashboardWords.backlogChartExplain.text,
                AgeBucket.allCases.map {
                    (
                        .text($0.text), Double(current.openAtEnd[$0] ?? 0), Double(previous.openAtEnd[$0] ?? 0),
                        (current.openAtEnd[$0] ?? 0).formatted(), (previous.openAtEnd[$0] ?? 0).formatted()
                    )
                }),
            columns: [DashboardWords.age.text, DashboardWords.atEndOfThisPeriod.text, DashboardWords.atEndOfPreviousPeriod.text],
            rows: AgeBucket.allCases.map {
                .init(label: .text($0.text), cells: counts(.openAtEnd($0), current.openAtEnd[$0] ?? 0, previous.openAtEnd[$0] ?? 0))
            } + [
                .init(
                    label: .text(DashboardWords.allOpen.text),
                    cells: counts(.openAtEnd(nil), current.openAtEndTotal, previous.openAtEndTotal))
            ])
    }

    var openNow: DashboardPage.Section {
        let states = CaseState.allCases.filter(\.isUndecided)
        return .init(
            id: "backlog-now", title: DashboardWords.openNowTitle.text, explain: DashboardWords.openNowExplain.text, chart: nil,
            wide: true, columns: [DashboardWords.state.text] + AgeBucket.allCases.map(\.text) + [DashboardWords.all.text],
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
            id: "outcomes", title: DashboardWords.outcomesTitle.text,
            explain: DashboardWords.outcomesExplain.text,
            chart: chart(
                "outcomes-chart", DashboardWords.outcomesTitle.text, DashboardWords.outcomesChartExplain.text,
                Conclusion.allCases.map {
                    (
                        MeasureLabel(lConclusion: Label($0)), Double(now[$0] ?? 0), Double(before[$0] ?? 0), (now[$0] ?? 0).formatted(),
                        (before[$0] ?? 0).formatted()
                    )
                }),
            columns: DashboardPage.periodColumns(DashboardWords.outcome.text),
            rows: Conclusion.allCases.map {
                .init(
                    label: MeasureLabel(lConclusion: Label($0)),
                    cells: counts(.concluded($0, ground: nil, reviewer: nil, decisionsOnly: false), now[$0] ?? 0, before[$0] ?? 0))
            })
    }

    var byGround: DashboardPage.Section {
        let table = current.conclusionsByGround
        return .init(
            id: "outcomes-by-ground", title: DashboardWords.byGroundTitle.text,
            explain: DashboardWords.byGroundExplain.text, chart: nil,
            wide: true, columns: [DashboardWords.ground.text] + Conclusion.allCases.map(Self.conclusionName) + [DashboardWords.all.text],
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
            id: "outcomes-by-reviewer", title: DashboardWords.byReviewerTitle.text, explain: DashboardWords.byReviewerExplain.text,
            chart: nil, columns: [DashboardWords.reviewer.text] + outcomes.map(Self.conclusionName) + [DashboardWords.all.text],
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
        case .cancelled: DashboardWords.cancelled.text
        case .reduced: DashboardWords.reduced.text
        case .upheld: DashboardWords.upheld.text
        case .deemedAccepted: DashboardWords.deemedAccepted.text
        case .withdrawn: DashboardWords.withdrawn.text
        }
    }

    var phone: DashboardPage.Section {
        .init(
            id: "phone", title: DashboardWords.phoneTitle.text,
            explain:
                DashboardWords.phoneExplain.text,
            chart: chart(
                "phone-chart", DashboardWords.phoneChart.text,
                DashboardWords.phoneChartExplain.text,
                [
                    (
                        .text(DashboardWords.resolvedOnTheCall.text), Self.share(current.callsResolved, current.calls),
                        Self.share(previous.callsResolved, previous.calls),
                        Self.percent(current.callsResolved, of: current.calls), Self.percent(previous.callsResolved, of: previous.calls)
                    ),
                    (
                        .text(DashboardWords.repeatContacts.text), Self.share(current.repeatCalls, current.calls),
                        Self.share(previous.repeatCalls, previous.calls),
                        Self.percent(current.repeatCalls, of: current.calls), Self.percent(previous.repeatCalls, of: previous.calls)
                    ),
                ], scale: 100),
            columns: DashboardPage.periodColumns(DashboardWords.measure.text),
            rows: [
                .init(label: .text(DashboardWords.callsLogged.text), cells: counts(.calls(.all), current.calls, previous.calls)),
                .init(
                    label: .text(DashboardWords.resolvedOnTheCall.text),
                    cells: [
                        .init(
                            text: Self.share(of: current.callsResolved, current.calls),
                            href: link(.calls(.resolved))),
                        .init(
                            text: Self.share(of: previous.callsResolved, previous.calls),
                            href: link(.calls(.resolved), previous: true)),
                    ]),
                .init(
                    label: .text(DashboardWords.repeatContacts.text),
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

    /// "67% (4)", or DashboardWords.noCalls.text.
    static func share(of part: Int, _ calls: Int) -> String {
        calls == 0
            ? DashboardWords.noCalls.text
            : Catalogue.english(DashboardWords.shareOfCalls, ["percent": percent(part, of: calls), "count": part.formatted()])
    }

    static func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) * 100 }

    /// Messages both ways and calls back. Counts only: the messages are not cases (an unmatched one has none).
    var messages: DashboardPage.Section {
        func hours(_ f: PeriodFigures) -> String {
            f.medianHoursToFirstReply.map { Catalogue.english(DashboardWords.hoursShort, ["hours": $0.formatted()]) } ?? "–"
        }
        func row(_ words: DashboardWords, _ value: (PeriodFigures) -> String) -> DashboardPage.Row {
            .init(label: .text(words.text), cells: [.plain(value(current)), .plain(value(previous))])
        }
        return .init(
            id: "messages", title: DashboardWords.messagesTitle.text, explain: DashboardWords.messagesExplain.text, chart: nil,
            columns: DashboardPage.periodColumns(DashboardWords.measure.text),
            rows: [
                row(.messagesByEmail) { ($0.messagesReceived[.email] ?? 0).formatted() },
                row(.messagesByText) { ($0.messagesReceived[.sms] ?? 0).formatted() },
                row(.firstReplyMedian, hours),
                row(.messagesUnanswered) { $0.messagesUnanswered.formatted() },
                row(.callbacksOnTime) { $0.callbacks.total == 0 ? "–" : Self.percentOf($0.callbacks.onTime, $0.callbacks.total) },
                row(.callbacksLate) { $0.callbacks.late.formatted() },
                row(.callbacksNotKept) { $0.callbacks.missed.formatted() },
            ])
    }

    var letters: DashboardPage.Section {
        let figures: [(String, CaseFigure.LetterEvent, Int, Int)] = [
            (DashboardWords.printed.text, .printed, current.lettersPrinted, previous.lettersPrinted),
            (DashboardWords.posted.text, .posted, current.lettersPosted, previous.lettersPosted),
            (DashboardWords.returnedUndelivered.text, .returned, current.lettersReturned, previous.lettersReturned),
        ]
        return .init(
            id: "letters", title: DashboardWords.lettersTitle.text, explain: DashboardWords.lettersExplain.text,
            chart: chart(
                "letters-chart", DashboardWords.lettersChart.text, DashboardWords.lettersChartExplain.text,
                figures.map { (.text($0.0), Double($0.2), Double($0.3), $0.2.formatted(), $0.3.formatted()) }),
            columns: DashboardPage.periodColumns(DashboardWords.lettersTitle.text),
            rows: figures.map { .init(label: .text($0.0), cells: counts(.letters($0.1), $0.2, $0.3)) })
    }
}
