import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The dashboard's period as the page's form chooses it: this week, the last 30 days, or dates from and to.
struct PeriodChoice: Sendable, Equatable {
    enum Kind: String, Sendable { case week, days30 = "30-days", range }

    let kind: Kind
    /// What was typed, kept for the form when it has a problem.
    let fromText: String
    let toText: String
    let period: ReportingPeriod?
    let fromProblem: String?
    let toProblem: String?

    var hasProblem: Bool { period == nil }

    /// Reads `period`, `from` and `to` from a query; an unknown period kind is the last 30 days.
    init(query value: (String) -> String?, today: LocalDate) {
        kind = value("period").flatMap(Kind.init(rawValue:)) ?? (value("from") == nil ? .days30 : .range)
        fromText = String((value("from") ?? "").prefix(20))
        toText = String((value("to") ?? "").prefix(20))
        switch kind {
        case .week:
            period = .thisWeek(today)
            (fromProblem, toProblem) = (nil, nil)
        case .days30:
            period = .last30Days(today)
            (fromProblem, toProblem) = (nil, nil)
        case .range:
            let from = LocalDate(iso: fromText)
            let to = LocalDate(iso: toText)
            var fromProblem = from == nil ? Catalogue.english(StaffWords.fromInvalid) : nil
            var toProblem = to == nil ? Catalogue.english(StaffWords.toInvalid) : nil
            if let from, let to {
                if to < from {
                    toProblem = Catalogue.english(StaffWords.toBeforeFrom)
                } else if from.days(until: to) >= ReportingPeriod.maxDays {
                    fromProblem = Catalogue.english(DashboardWords.periodTooLong, ["days": "\(ReportingPeriod.maxDays)"])
                } else if today < to {
                    toProblem = DashboardWords.toAfterToday.text
                }
            }
            (self.fromProblem, self.toProblem) = (fromProblem, toProblem)
            period = fromProblem == nil && toProblem == nil ? from.flatMap { f in to.flatMap { ReportingPeriod(from: f, to: $0) } } : nil
        }
    }

    /// The query that chooses this period again (for links to the cases behind a figure and back).
    static func query(_ period: ReportingPeriod) -> [(String, String)] {
        [("period", "range"), ("from", period.from.description), ("to", period.to.description)]
    }
}
