import Foundation

/// Computes a case's deadlines from its history, so that a changed policy or holiday list can be re-applied to
/// any case at any time and give the same answer as if it had applied from the start.
public enum DeadlineSchedule {
    /// A case's deadlines: from its receipt (or its entry while its postmark awaits confirmation), none deeming it
    /// accepted before its minimum review time after entry.
    public static func compute(
        for record: Case, history: [CaseHistoryEntry], policies: DeadlinePolicies, calendar: BusinessCalendar
    ) -> [Deadline] {
        compute(
            receivedAt: record.deadlinesCountFrom, enteredAt: record.enteredAt, history: history, policies: policies, calendar: calendar)
    }

    /// - Parameter enteredAt: when the case was entered; the decision deadline never falls before the end of the
    ///   policies' minimum review time from then.
    public static func compute(
        receivedAt: Date, enteredAt: Date? = nil, history: [CaseHistoryEntry], policies: DeadlinePolicies, calendar: BusinessCalendar
    ) -> [Deadline] {
        let arrived = calendar.local(receivedAt).date
        let receiptDay = calendar.receiptDay(of: receivedAt)

        // Pauses: every stretch spent awaiting the citizen; the last may still be open.
        var pauses: [(start: LocalDate, end: LocalDate?)] = []
        for entry in history {
            if entry.to == .awaitingCitizen, entry.from != .awaitingCitizen {
                pauses.append((calendar.local(entry.at).date, nil))
            } else if entry.from == .awaitingCitizen, entry.to != .awaitingCitizen, let open = pauses.last, open.end == nil {
                pauses[pauses.count - 1].end = calendar.local(entry.at).date
            }
        }
        let pausedNow = pauses.last.map { $0.end == nil } ?? false
        let closedPauses = pauses.compactMap { pause in pause.end.map { (pause.start, $0) } }

        // When each deadline was met, and when the case stopped needing the rest.
        let met = metAt(history: history)
        let ended = history.first { !$0.to.isUndecided }?.at

        var deadlines: [Deadline] = []
        for kind in [DeadlineKind.acknowledgement, .firstReview, .decision] {
            let policy = policies[kind]
            let status: Deadline.Status
            var due: LocalDate?
            var skipped: [BusinessCalendar.SkippedDay] = []
            var paused = 0
            switch policy.unit {
            case .businessDays:
                paused = closedPauses.reduce(0) { $0 + calendar.businessDays(from: $1.0, to: $1.1) }
                (due, skipped) = calendar.adding(businessDays: policy.length + paused, to: receiptDay)
            case .calendarDays:
                paused = closedPauses.reduce(0) { $0 + $1.0.days(until: $1.1) }
                due = arrived.adding(days: policy.length + paused)
            }
            var movedForMinimumReview = false
            if kind == .decision, let enteredAt, policies.minimumReviewBusinessDays > 0, let counted = due {
                let reviewEnds = calendar.adding(businessDays: policies.minimumReviewBusinessDays, to: calendar.receiptDay(of: enteredAt))
                    .date
                if counted < reviewEnds {
                    due = reviewEnds
                    movedForMinimumReview = true
                }
            }
            var metOnTime: Bool?
            if let at = met[kind] {
                status = .met(at: at)
                metOnTime = due.map { at <= dueInstant(policy: policy, due: $0, calendar: calendar) }
            } else if let at = ended {
                status = .cancelled(at: at)
            } else if pausedNow {
                status = .paused
                due = nil
            } else {
                status = running(policy: policy, due: due!, calendar: calendar)
            }
            var explanation = DeadlineExplanation(
                policy: policy, start: policy.unit == .businessDays ? receiptDay : arrived, arrivedOn: arrived,
                pausedDays: paused, skippedDays: skipped, due: due
            )
            explanation.movedForMinimumReview = movedForMinimumReview
            deadlines.append(Deadline(kind: kind, status: status, metOnTime: metOnTime, explanation: explanation))
        }

        // The latest request for information, if any, runs its own clock.
        if let request = history.last(where: { $0.event == .requestInformation }) {
            let policy = policies[.informationResponse]
            let start = calendar.local(request.at).date
            let due =
                policy.unit == .calendarDays
                ? start.adding(days: policy.length) : calendar.adding(businessDays: policy.length, to: start).date
            let answered = history.first { $0.at >= request.at && $0.from == .awaitingCitizen && $0.to != .awaitingCitizen }
            let status: Deadline.Status = answered.map { .met(at: $0.at) } ?? running(policy: policy, due: due, calendar: calendar)
            deadlines.append(
                Deadline(
                    kind: .informationResponse, status: status,
                    explanation: DeadlineExplanation(
                        policy: policy, start: start, arrivedOn: start, pausedDays: 0, skippedDays: [], due: due
                    )))
        }
        return deadlines
    }

    /// Business-day deadlines fall at closing time on the due day; calendar-day deadlines at the end of it.
    /// The warning fires at opening time, the given number of business days before.
    /// When each of the case's deadlines was met, by the first event that meets it.
    public static func metAt(history: [CaseHistoryEntry]) -> [DeadlineKind: Date] {
        func firstAt(_ match: (CaseHistoryEntry) -> Bool) -> Date? { history.first(where: match)?.at }
        return [
            .acknowledgement: firstAt { $0.event == .acknowledge },
            .firstReview: firstAt { $0.event == .startReview },
            .decision: firstAt { $0.to == .decided || $0.to == .deemedAccepted },
        ].compactMapValues { $0 }
    }

    /// The close of business on a business-day deadline's due date; the end of a calendar-day deadline's.
    static func dueInstant(policy: DeadlinePolicy, due: LocalDate, calendar: BusinessCalendar) -> Date {
        policy.unit == .businessDays ? calendar.instant(due, calendar.closesAt) : calendar.startOfDay(due.adding(days: 1))
    }

    static func running(policy: DeadlinePolicy, due: LocalDate, calendar: BusinessCalendar) -> Deadline.Status {
        let dueAt = dueInstant(policy: policy, due: due, calendar: calendar)
        let warnAt =
            policy.warningBusinessDays > 0
            ? calendar.instant(calendar.subtracting(businessDays: policy.warningBusinessDays, from: due), calendar.opensAt)
            : nil
        return .running(dueAt: dueAt, warnAt: warnAt)
    }
}
