import AppealsDomain
import Foundation

/// How a computed due date came about, in the words staff read on the case page and in the CLI
/// ("56 calendar days from 3 March, plus 6 days paused while awaiting the citizen = 4 May").
public enum DeadlineWording {
    public static func explain(_ explanation: DeadlineExplanation) -> String {
        let unit = explanation.policy.unit == .businessDays ? "business days" : "calendar days"
        var text = "\(explanation.policy.length) \(unit) from \(dayMonth(explanation.start))"
        if explanation.start != explanation.arrivedOn {
            text += " (received \(dayMonth(explanation.arrivedOn)) after hours or on a closed day)"
        }
        if explanation.pausedDays > 0 {
            let days = explanation.pausedDays == 1 ? "day" : "days"
            text +=
                ", plus \(explanation.pausedDays) \(explanation.policy.unit == .businessDays ? "business " : "")\(days) "
                + "paused while awaiting the citizen"
        }
        let holidays = explanation.skippedDays.filter { $0.reason == .holiday }
        if !holidays.isEmpty {
            text +=
                ", skipping the holiday\(holidays.count == 1 ? "" : "s") on " + holidays.map { dayMonth($0.date) }.joined(separator: ", ")
        }
        guard let due = explanation.due else { return text + ": paused while awaiting the citizen" }
        return text + " = \(dayMonth(due))"
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    public static func dayMonth(_ date: LocalDate) -> String {
        let (_, month, day) = date.components
        return "\(day) \(months[month - 1])"
    }
}
