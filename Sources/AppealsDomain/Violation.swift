import Foundation

/// The contravention a ticket was issued for: the enforcement system's code and its description.
public struct Violation: Hashable, Sendable, Codable {
    public var code: String
    public var description: String

    public init(code: String, description: String) {
        self.code = code
        self.description = description
    }
}
