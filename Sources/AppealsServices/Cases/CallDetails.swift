import AppealsDomain
import Foundation

/// What an agent logs about a call, beside its note: for the timeline and for first-contact resolution.
public struct CallDetails: Sendable, Equatable {
    public let reason: CallReason
    public let outcome: CallOutcome
    public let resolvedOnCall: Bool

    public init(reason: CallReason, outcome: CallOutcome, resolvedOnCall: Bool) {
        self.reason = reason
        self.outcome = outcome
        self.resolvedOnCall = resolvedOnCall
    }
}
