import AppealsDomain
import Foundation

/// What one sweep batch did. A batch that claimed nothing means nothing more is due.
public struct SweepBatch: Sendable, Equatable {
    /// Due warnings and breaches looked at (including ones another run had already recorded).
    public let claimed: Int
    /// Warnings and breaches newly recorded, and acted on, by this batch.
    public let fired: Int
    public init(claimed: Int, fired: Int) {
        self.claimed = claimed
        self.fired = fired
    }
}
