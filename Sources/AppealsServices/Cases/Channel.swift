import AppealsDomain
import Foundation

/// Channels of the one timeline.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case web, phone, mail, email, sms
    case inPerson = "in_person"
    case system
}
