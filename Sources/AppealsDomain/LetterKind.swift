import Foundation

public enum LetterKind: String, Sendable, Codable, CaseIterable, Hashable {
    case acknowledgement
    case requestForInformation = "request_for_information"
    case decision
    case deemedAcceptance = "deemed_acceptance"
    case hearingNotice = "hearing_notice"
    /// Words a member of staff wrote to a citizen who hears from us by post.
    case message
}
