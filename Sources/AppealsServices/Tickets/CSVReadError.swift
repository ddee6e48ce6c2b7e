import Foundation

/// A CSV file that cannot be read past a point.
public enum CSVReadError: Error, Equatable, Sendable {
    /// A quoted field opened on `line` never closes: everything after it would be one field.
    case unterminatedQuote(line: Int)
}
