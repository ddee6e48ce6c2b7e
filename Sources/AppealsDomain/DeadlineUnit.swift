import Foundation

/// How a deadline's length is counted.
public enum DeadlineUnit: String, Sendable, Codable, Hashable {
    case businessDays = "business_days"
    case calendarDays = "calendar_days"
}
