import AppealsDomain
import AppealsServices

/// How a computed due date came about (``DeadlineWords``), from its explanation's facts.
public enum DeadlineWording {
    public static func explain(_ explanation: DeadlineExplanation, in words: Catalogue = .english) -> String {
        let businessDays = explanation.policy.unit == .businessDays
        var text = words(
            DeadlineWords.fromStart,
            [
                "length": "\(explanation.policy.length)",
                "unit": words(businessDays ? DeadlineWords.businessDays : DeadlineWords.calendarDays),
                "start": dayMonth(explanation.start, in: words),
            ])
        if explanation.start != explanation.arrivedOn {
            text += words(DeadlineWords.receivedOutOfHours, ["arrived": dayMonth(explanation.arrivedOn, in: words)])
        }
        let paused = explanation.pausedDays
        if paused > 0 {
            let key: DeadlineWords =
                switch (businessDays, paused == 1) {
                case (true, true): .pausedOneBusinessDay
                case (true, false): .pausedBusinessDays
                case (false, true): .pausedOneDay
                case (false, false): .pausedDays
                }
            text += words(key, ["count": "\(paused)"])
        }
        let holidays = explanation.skippedDays.filter { $0.reason == .holiday }
        if !holidays.isEmpty {
            text += words(
                holidays.count == 1 ? DeadlineWords.skippingHoliday : DeadlineWords.skippingHolidays,
                ["days": holidays.map { dayMonth($0.date, in: words) }.joined(separator: ", ")])
        }
        guard let due = explanation.due else { return text + words(DeadlineWords.stillPaused) }
        return text + words(DeadlineWords.due, ["due": dayMonth(due, in: words)])
    }

    /// "3 March".
    public static func dayMonth(_ date: LocalDate, in words: Catalogue = .english) -> String {
        let (_, month, day) = date.components
        return words(DateWords.dayMonth, ["day": "\(day)", "month": words(DateWords.months[month - 1])])
    }
}
