import Foundation

/// An email address that looks deliverable: one @, a dot in the domain, no spaces, no control characters or line
/// breaks (``SingleLineText``), at most 254 characters.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let text = raw.trimmingSpaces
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace),
            !SingleLineText.hasBreakOrControl(text)
        else { return nil }
        value = text
    }

    public var description: String { value }
}
