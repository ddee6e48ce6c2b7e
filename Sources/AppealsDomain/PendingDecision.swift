import Foundation

/// A decision waiting for a supervisor's approval.
public struct PendingDecision: Sendable, Equatable, Codable {
    public let draft: DecisionDraft
    public let proposedBy: StaffID
    public let proposedAt: Date

    public init(draft: DecisionDraft, proposedBy: StaffID, proposedAt: Date) {
        self.draft = draft
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
    }
}
