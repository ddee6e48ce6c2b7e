import Foundation

/// The authority's workflow settings (docs/DOMAIN.md defaults; administrators may change them).
public struct WorkflowPolicy: Sendable, Equatable {
    /// Decisions on tickets above this amount need a supervisor's approval.
    public var approvalAboveCents: Int
    /// A reviewer's cancellations need approval for this many days after they start.
    public var newReviewerDays: Int
    /// After an upheld decision, the citizen may request a hearing for this many days.
    public var hearingWindowDays: Int

    public init(approvalAboveCents: Int = 15_000, newReviewerDays: Int = 30, hearingWindowDays: Int = 21) {
        self.approvalAboveCents = approvalAboveCents
        self.newReviewerDays = newReviewerDays
        self.hearingWindowDays = hearingWindowDays
    }
}
