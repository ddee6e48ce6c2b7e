import AppealsServices

/// Whole numbers taken from a request (query, form, path or header), parsed into a bounded range, so that no
/// arithmetic on them can overflow: a Swift overflow traps, and a trap ends the server for everyone.
enum RequestNumber {
    /// The value when it is a plain decimal number inside `range`; nil when absent.
    /// - Throws: ``RequestError/malformed`` when present but malformed or out of range.
    static func parse(_ text: Substring?, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = valid(text, in: range) else { throw RequestError.malformed }
        return value
    }

    static func parse(_ text: String?, in range: ClosedRange<Int>) throws -> Int? {
        try parse(text.map { Substring($0) }, in: range)
    }

    /// The value when it is a plain decimal number inside `range`, else nil (for form fields that re-render).
    static func valid<S: StringProtocol>(_ text: S, in range: ClosedRange<Int>) -> Int? {
        // At most 18 digits: `Int` parses them without overflow; a sign only where the range allows one.
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 }),
            let value = Int(text), range.contains(value)
        else { return nil }
        return value
    }

    /// Page numbers of paginated lists.
    static let pages = 1...10_000
}
