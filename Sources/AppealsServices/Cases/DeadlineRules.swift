import AppealsDomain
import Foundation

/// The authority's calendar and deadline rules as currently administered.
public struct DeadlineRules: Sendable, Equatable {
    public let calendar: BusinessCalendar
    public let policies: DeadlinePolicies
    public init(calendar: BusinessCalendar, policies: DeadlinePolicies) {
        self.calendar = calendar
        self.policies = policies
    }
}
