import Foundation

/// The kinds of ``CaseEvent``, without their values: what the audit trail and the history record.
public enum CaseEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case file
    case startReview = "start_review"
    case requestInformation = "request_information"
    case citizenResponded = "citizen_responded"
    case informationTimedOut = "information_timed_out"
    case decide
    case approveDecision = "approve_decision"
    case returnDecision = "return_decision"
    case withdraw
    case requestHearing = "request_hearing"
    case close
    case deemAccept = "deem_accept"
    case assign
    case claim
    case escalate
    case acknowledge
}
