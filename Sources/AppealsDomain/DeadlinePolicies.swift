import Foundation

/// The current policy for each deadline.
public struct DeadlinePolicies: Sendable, Equatable {
    public var byKind: [DeadlineKind: DeadlinePolicy]
    /// A case is open to review for at least this many business days after it was entered before it can be deemed
    /// accepted: a decision deadline that falls earlier (an old postmark) moves to the end of that time.
    public var minimumReviewBusinessDays: Int

    public init(_ policies: [DeadlinePolicy], minimumReviewBusinessDays: Int = 2) {
        self.minimumReviewBusinessDays = minimumReviewBusinessDays
        byKind = Dictionary(policies.map { ($0.kind, $0) }, uniquingKeysWith: { $0.version >= $1.version ? $0 : $1 })
    }

    public subscript(kind: DeadlineKind) -> DeadlinePolicy { byKind[kind] ?? Self.defaults.byKind[kind]! }

    /// docs/DOMAIN.md's defaults.
    public static let defaults = DeadlinePolicies([
        DeadlinePolicy(kind: .acknowledgement, length: 2, unit: .businessDays, warningBusinessDays: 1),
        DeadlinePolicy(kind: .firstReview, length: 10, unit: .businessDays, warningBusinessDays: 2),
        DeadlinePolicy(kind: .decision, length: 56, unit: .calendarDays, warningBusinessDays: 2),
        DeadlinePolicy(kind: .informationResponse, length: 14, unit: .calendarDays, warningBusinessDays: 0),
    ])
}
