import Foundation

/// One record of a CSV file, with the physical line it starts on (the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    /// The fields, or nil when the record's bytes are not valid UTF-8.
    public let fields: [String]?
}
