import Foundation

/// An identifier people type and files carry (a ticket number, a plate, a plate's region), kept in one normalised
/// form (``IdentifierNormalisation``): ASCII letters and digits, upper-cased, at most ``maxLength`` of them.
public protocol NormalisedIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    static var maxLength: Int { get }
    var value: String { get }
    /// A value already normalised.
    init(normalised: String)
}

extension NormalisedIdentifier {
    /// Normalises what a person or a file supplied; nil when it cannot be one.
    public init?(_ raw: String) {
        guard let normalised = IdentifierNormalisation.normalise(raw, maxLength: Self.maxLength) else { return nil }
        self.init(normalised: normalised)
    }

    public var description: String { value }
}
