import Foundation

/// The deadlines a case runs against (DOMAIN.md, "Deadlines and SLAs").
public enum DeadlineKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The citizen hears that we have their appeal.
    case acknowledgement
    /// A reviewer starts work on it.
    case firstReview = "first_review"
    /// The statutory deadline: decided by then, or deemed accepted.
    case decision
    /// The citizen's time to answer a request for information; afterwards review resumes.
    case informationResponse = "information_response"
}

/// How a deadline's length is counted.
public enum DeadlineUnit: String, Sendable, Codable, Hashable {
    case businessDays = "business_days"
    case calendarDays = "calendar_days"
}

/// One deadline's rule, as a versioned row that administrators may change.
public struct DeadlinePolicy: Sendable, Equatable, Codable {
    public let kind: DeadlineKind
    public let length: Int
    public let unit: DeadlineUnit
    /// How many business days before the due date the warning fires (0: no warning).
    public let warningBusinessDays: Int
    public let version: Int

    public init(kind: DeadlineKind, length: Int, unit: DeadlineUnit, warningBusinessDays: Int, version: Int = 1) {
        self.kind = kind
        self.length = length
        self.unit = unit
        self.warningBusinessDays = warningBusinessDays
        self.version = version
    }
}

/// The current policy for each deadline.
public struct DeadlinePolicies: Sendable, Equatable {
    public var byKind: [DeadlineKind: DeadlinePolicy]

    public init(_ policies: [DeadlinePolicy]) {
        byKind = Dictionary(policies.map { ($0.kind, $0) }, uniquingKeysWith: { $0.version >= $1.version ? $0 : $1 })
    }

    public subscript(kind: DeadlineKind) -> DeadlinePolicy { byKind[kind] ?? Self.defaults.byKind[kind]! }

    /// DOMAIN.md's defaults.
    public static let defaults = DeadlinePolicies([
        DeadlinePolicy(kind: .acknowledgement, length: 2, unit: .businessDays, warningBusinessDays: 1),
        DeadlinePolicy(kind: .firstReview, length: 10, unit: .businessDays, warningBusinessDays: 2),
        DeadlinePolicy(kind: .decision, length: 56, unit: .calendarDays, warningBusinessDays: 2),
        DeadlinePolicy(kind: .informationResponse, length: 14, unit: .calendarDays, warningBusinessDays: 0),
    ])
}
