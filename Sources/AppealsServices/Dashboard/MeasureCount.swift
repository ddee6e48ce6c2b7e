import AppealsDomain
import Foundation

/// One count the dashboard adds up: `n` more of `measure` (with `key`) on a local day. Written in the same
/// transaction as the change it counts (`measure_counts`), so that a period's figures are a sum over at most a row
/// per day and key instead of a read of every case.
public struct MeasureCount: Sendable, Equatable, Hashable {
    public let day: LocalDate
    public let measure: Measure
    public let key: String
    public let n: Int

    public enum Measure: String, Sendable, CaseIterable {
        /// An appeal received; key: its channel.
        case received
        /// An appeal concluded; key: `outcome|grounds` (grounds as stored, comma-separated).
        case concluded
        /// A reviewer's decision took effect; key: `outcome|reviewer`.
        case decided
        /// A reviewer's decision took effect; key: the whole hours from receipt, rounded down to 6.
        case decisionHours = "decision_hours"
        /// A deadline met; key: `kind|on_time` or `kind|late`.
        case deadlineMet = "deadline_met"
        /// A call logged; key: `resolved|first`, `unresolved|repeat` …
        case call
        case lettersPrinted = "letters_printed"
        case lettersPosted = "letters_posted"
        case lettersReturned = "letters_returned"
    }

    public init(day: LocalDate, measure: Measure, key: String = "", n: Int = 1) {
        self.day = day
        self.measure = measure
        self.key = key
        self.n = n
    }

    /// Hours to decision are counted in steps of this many hours (a half-day's resolution is enough for a median
    /// read in days, and keeps a day's rows few).
    public static let hoursStep = 6

    /// What a change to a case adds to the counts: its filing, its conclusion, the deadlines it met.
    static func counts(
        from original: Case?, to current: Case, previousHistory: [CaseHistoryEntry], deadlines: [Deadline]?, channel: Channel?,
        calendar: BusinessCalendar
    ) -> [MeasureCount] {
        var counts: [MeasureCount] = []
        if original == nil, let channel {
            counts.append(MeasureCount(day: calendar.localDate(current.receivedAt), measure: .received, key: channel.rawValue))
        }
        if original?.conclusion == nil, let conclusion = current.conclusion, let at = current.concludedAt {
            let day = calendar.localDate(at)
            counts.append(
                MeasureCount(
                    day: day, measure: .concluded, key: conclusion.rawValue + "|" + current.grounds.map(\.rawValue).joined(separator: ",")))
            if let reviewer = current.decision?.decidedBy, let hours = current.hoursToDecision {
                counts.append(MeasureCount(day: day, measure: .decided, key: conclusion.rawValue + "|" + reviewer.value))
                counts.append(MeasureCount(day: day, measure: .decisionHours, key: String(hours / hoursStep * hoursStep)))
            }
        }
        if let deadlines {
            let before = DeadlineSchedule.metAt(history: previousHistory)
            for deadline in deadlines where before[deadline.kind] == nil {
                guard case .met(let at) = deadline.status, let onTime = deadline.metOnTime else { continue }
                counts.append(
                    MeasureCount(
                        day: calendar.localDate(at), measure: .deadlineMet, key: deadline.kind.rawValue + (onTime ? "|on_time" : "|late")))
            }
        }
        return counts
    }
}
