import Foundation

public enum LetterKind: String, Sendable, Codable, CaseIterable, Hashable {
    case acknowledgement
    case requestForInformation = "request_for_information"
    case decision
    case deemedAcceptance = "deemed_acceptance"
    case hearingNotice = "hearing_notice"
}
