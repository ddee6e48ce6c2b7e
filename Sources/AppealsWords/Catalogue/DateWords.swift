import AppealsServices

/// Days as letters and pages write them ("7 December 2026", "7 December"): the month names and the patterns.
public enum DateWords: String, MessageKey, CaseIterable {
    case january, february, march, april, may, june, july, august, september, october, november, december
    case dayMonth, dayMonthYear, dayMonthYearTime

    public var key: String { "date." + rawValue }

    public var english: String {
        switch self {
        case .january: "January"
        case .february: "February"
        case .march: "March"
        case .april: "April"
        case .may: "May"
        case .june: "June"
        case .july: "July"
        case .august: "August"
        case .september: "September"
        case .october: "October"
        case .november: "November"
        case .december: "December"
        case .dayMonth: "{day} {month}"
        case .dayMonthYear: "{day} {month} {year}"
        case .dayMonthYearTime: "{date}, {time}"
        }
    }

    static let months: [DateWords] = [
        .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december,
    ]
}
