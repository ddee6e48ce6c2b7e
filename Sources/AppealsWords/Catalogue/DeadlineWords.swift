import AppealsServices

/// How a computed due date came about, as staff read it on the case page and in the command line
/// ("56 calendar days from 3 March, plus 6 days paused while awaiting the citizen = 4 May").
public enum DeadlineWords: String, MessageKey, CaseIterable {
    case fromStart, businessDays, calendarDays, receivedOutOfHours, pausedOneDay, pausedDays, pausedOneBusinessDay, pausedBusinessDays
    case skippingHoliday, skippingHolidays, due, stillPaused

    public var key: String { "deadline." + rawValue }

    public var english: String {
        switch self {
        case .fromStart: "{length} {unit} from {start}"
        case .businessDays: "business days"
        case .calendarDays: "calendar days"
        case .receivedOutOfHours: " (received {arrived} after hours or on a closed day)"
        case .pausedOneDay: ", plus 1 day paused while awaiting the citizen"
        case .pausedDays: ", plus {count} days paused while awaiting the citizen"
        case .pausedOneBusinessDay: ", plus 1 business day paused while awaiting the citizen"
        case .pausedBusinessDays: ", plus {count} business days paused while awaiting the citizen"
        case .skippingHoliday: ", skipping the holiday on {days}"
        case .skippingHolidays: ", skipping the holidays on {days}"
        case .due: " = {due}"
        case .stillPaused: ": paused while awaiting the citizen"
        }
    }
}
