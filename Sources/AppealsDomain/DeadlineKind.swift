import Foundation

/// The deadlines a case runs against (docs/DOMAIN.md, "Deadlines and SLAs").
public enum DeadlineKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The citizen hears that we have their appeal.
    case acknowledgement
    /// A reviewer starts work on it.
    case firstReview = "first_review"
    /// The statutory deadline: decided by then, or deemed accepted.
    case decision
    /// The citizen's time to answer a request for information; afterwards review resumes.
    case informationResponse = "information_response"
}
