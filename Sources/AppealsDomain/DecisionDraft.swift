import Foundation

/// A reviewer's decision before it takes effect.
public struct DecisionDraft: Sendable, Equatable, Codable {
    public var outcome: Outcome
    /// For a reduced penalty: the new amount, above zero and below the ticket's amount.
    public var reducedAmountCents: Int?
    /// Nil until the reviewer chooses one (the workflow then refuses the decision).
    public var reasonCode: ReasonCode?
    /// The written reply to each ground the citizen raised (ground code → reply), for the decision letter.
    public var replies: [String: String]?

    public init(outcome: Outcome, reducedAmountCents: Int? = nil, reasonCode: ReasonCode?, replies: [String: String]? = nil) {
        self.outcome = outcome
        self.reducedAmountCents = reducedAmountCents
        self.reasonCode = reasonCode
        self.replies = replies
    }
}
