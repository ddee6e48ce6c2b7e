import Foundation

/// CSV written for people who open it in a spreadsheet.
public enum CSVText {
    /// A field, quoted when it must be, and never read as a formula by a spreadsheet.
    ///
    /// Read by Unicode scalars, not Swift `Character`s: CR LF is one `Character` that is neither "\r" nor "\n", so a
    /// comparison of characters let `Probe\r\n=1+1` through unquoted, and its second line became a row of its own
    /// starting with a formula. A field is quoted when it holds a comma, a quote, or any control character but
    /// tab, or line break (Unicode's U+2028, U+2029 and U+0085 too, which some spreadsheets also break lines on); a field
    /// whose first scalar could start a formula (= + - @, tab, CR) is prefixed with an apostrophe, as before.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.unicodeScalars.contains(where: mustQuote) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A line of fields, ending in CRLF.
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func mustQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: scalar != "\t"  // a tab stays in its cell unquoted
        default: scalar == "," || scalar == "\""
        }
    }
}
