import Foundation

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
