import Foundation

/// A decision that has taken effect.
public struct Decision: Sendable, Equatable, Codable {
    public let outcome: Outcome
    /// What the citizen now owes: zero when cancelled, the reduced amount, or the full amount when upheld.
    public let amountDueCents: Int
    public let reasonCode: ReasonCode
    public let decidedBy: StaffID?
    public let approvedBy: StaffID?
    public let decidedAt: Date
    /// The reply to each ground the citizen raised (ground code → text).
    public var replies: [String: String]?
    /// When the decision letter is deemed served (two business days after it was posted): the hearing window runs
    /// from here. Nil until the letter is posted.
    public var servedAt: Date?
    /// When the case closes: the end of the hearing window for an upheld decision, the service itself otherwise.
    public var closesAt: Date?

    public init(
        outcome: Outcome, amountDueCents: Int, reasonCode: ReasonCode, decidedBy: StaffID?, approvedBy: StaffID?, decidedAt: Date,
        replies: [String: String]? = nil
    ) {
        self.replies = replies
        self.outcome = outcome
        self.amountDueCents = amountDueCents
        self.reasonCode = reasonCode
        self.decidedBy = decidedBy
        self.approvedBy = approvedBy
        self.decidedAt = decidedAt
    }
}
