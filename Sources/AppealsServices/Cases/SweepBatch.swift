import AppealsDomain
import Foundation

/// What one sweep batch did. A batch that claimed nothing means nothing more is due.
public struct SweepBatch: Sendable, Equatable {
    /// Due warnings and breaches looked at (including ones another run had already recorded).
    public let claimed: Int
    /// Warnings and breaches newly recorded, and acted on, by this batch.
    public let fired: Int
    /// Of those, breaches (the rest are warnings).
    public let breaches: Int
    public init(claimed: Int, fired: Int, breaches: Int = 0) {
        self.claimed = claimed
        self.fired = fired
        self.breaches = breaches
    }
}
