import Foundation

/// CSV written for people who open it in a spreadsheet.
public enum CSVText {
    /// A field, quoted when it must be, and never read as a formula by a spreadsheet.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A line of fields, ending in CRLF.
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}
