import AppealsDomain
import Foundation

/// What the enforcement system must know about a ticket: its late penalties are on hold while an appeal is open
/// (`hold`), and the appeal's outcome releases the hold with what the ticket now stands at (`outcome`). Written in
/// the same transaction as the case change that causes it; exported by ``ExportEnforcement``.
public struct EnforcementEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case hold, outcome }

    public let kind: Kind
    public let holdFrom: Date
    public let holdTo: Date?
    public let conclusion: Conclusion?
    public let amountCents: Int?
    public let at: Date

    public init(kind: Kind, holdFrom: Date, holdTo: Date?, conclusion: Conclusion?, amountCents: Int?, at: Date) {
        self.kind = kind
        self.holdFrom = holdFrom
        self.holdTo = holdTo
        self.conclusion = conclusion
        self.amountCents = amountCents
        self.at = at
    }

    /// The appeal was filed: penalties are held from its receipt.
    public static func hold(_ appeal: Case) -> Self {
        Self(kind: .hold, holdFrom: appeal.receivedAt, holdTo: nil, conclusion: nil, amountCents: nil, at: appeal.receivedAt)
    }

    /// The appeal concluded: the hold ends, with the outcome and the amount now owed. Nil while the case is open.
    public static func outcome(_ concluded: Case) -> Self? {
        guard let conclusion = concluded.conclusion, let at = concluded.concludedAt else { return nil }
        return Self(
            kind: .outcome, holdFrom: concluded.receivedAt, holdTo: at, conclusion: conclusion,
            amountCents: concluded.amountAfterConclusion, at: at)
    }
}
