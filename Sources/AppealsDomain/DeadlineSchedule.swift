import Foundation

/// One entry of a case's state history: the facts deadlines are computed from.
public struct CaseHistoryEntry: Sendable, Equatable {
    public let at: Date
    public let event: CaseEventKind
    public let from: CaseState
    public let to: CaseState

    public init(at: Date, event: CaseEventKind, from: CaseState, to: CaseState) {
        self.at = at
        self.event = event
        self.from = from
        self.to = to
    }
}

/// A computed deadline of one case.
public struct Deadline: Sendable, Equatable {
    public let kind: DeadlineKind
    public let status: Status
    public let explanation: DeadlineExplanation

    public enum Status: Sendable, Equatable {
        /// Running: warn at `warnAt` (if any), breach at `dueAt`.
        case running(dueAt: Date, warnAt: Date?)
        /// Stopped while the case awaits the citizen; resumes with the days paused added.
        case paused
        case met(at: Date)
        /// No longer applies (the case was withdrawn or decided before it was met).
        case cancelled(at: Date)
    }

    /// The instant it falls due when running.
    public var dueAt: Date? {
        if case .running(let due, _) = status { return due }
        return nil
    }
}

/// How a due date was reached, as facts each channel can word ("56 calendar days from 3 March, plus 6 days
/// paused while awaiting the citizen = 4 May").
public struct DeadlineExplanation: Sendable, Equatable {
    public let policy: DeadlinePolicy
    /// The day counting starts from (the receipt day, or the day information was requested).
    public let start: LocalDate
    /// Whether `start` was moved from the day of arrival (after hours, weekend or holiday).
    public let arrivedOn: LocalDate
    /// Days added because the case awaited the citizen, in the policy's unit.
    public let pausedDays: Int
    public let skippedDays: [BusinessCalendar.SkippedDay]
    /// The due date, when the deadline is not paused.
    public let due: LocalDate?
}

/// Computes a case's deadlines from its history, so that a changed policy or holiday list can be re-applied to
/// any case at any time and give the same answer as if it had applied from the start.
public enum DeadlineSchedule {
    public static func compute(
        receivedAt: Date, history: [CaseHistoryEntry], policies: DeadlinePolicies, calendar: BusinessCalendar
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
        func firstAt(_ match: (CaseHistoryEntry) -> Bool) -> Date? { history.first(where: match)?.at }
        let met: [DeadlineKind: Date] = [
            .acknowledgement: firstAt { $0.event == .acknowledge },
            .firstReview: firstAt { $0.event == .startReview },
            .decision: firstAt { $0.to == .decided || $0.to == .deemedAccepted },
        ].compactMapValues { $0 }
        let ended = firstAt { !$0.to.isUndecided }

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
            if let at = met[kind] {
                status = .met(at: at)
            } else if let at = ended {
                status = .cancelled(at: at)
            } else if pausedNow {
                status = .paused
                due = nil
            } else {
                status = running(policy: policy, due: due!, calendar: calendar)
            }
            deadlines.append(
                Deadline(
                    kind: kind, status: status,
                    explanation: DeadlineExplanation(
                        policy: policy, start: policy.unit == .businessDays ? receiptDay : arrived, arrivedOn: arrived,
                        pausedDays: paused, skippedDays: skipped, due: due
                    )))
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
    static func running(policy: DeadlinePolicy, due: LocalDate, calendar: BusinessCalendar) -> Deadline.Status {
        let dueAt =
            policy.unit == .businessDays
            ? calendar.instant(due, calendar.closesAt) : calendar.startOfDay(due.adding(days: 1))
        let warnAt =
            policy.warningBusinessDays > 0
            ? calendar.instant(calendar.subtracting(businessDays: policy.warningBusinessDays, from: due), calendar.opensAt)
            : nil
        return .running(dueAt: dueAt, warnAt: warnAt)
    }
}
