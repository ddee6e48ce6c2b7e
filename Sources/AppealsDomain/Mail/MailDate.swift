import Foundation

/// RFC 5322 `Date` parsing, tolerant of the obsolete forms (two-digit years, zone names, missing seconds or day of
/// week, trailing comments) because the received date orders replies in the case history.
enum MailDate {
    private static let formats = [
        "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm:ss",
    ]
    private static let zones = [
        "UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "EST": "-0500", "EDT": "-0400", "CST": "-0600",
        "CDT": "-0500", "MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
    ]

    static func parse(_ raw: String) -> Date? {
        var text = raw
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        if let comma = text.firstIndex(of: ",") { text = String(text[text.index(after: comma)...]) }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 4, words.count <= 6 else { return nil }
        if let last = words.last, let offset = zones[last.uppercased()] { words[words.count - 1] = offset }
        if words.count == 6 { words.removeLast() }
        if words[2].count == 2, let year = Int(words[2]) { words[2] = String(year < 50 ? 2000 + year : 1900 + year) }
        let normalised = words.joined(separator: " ")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.isLenient = false
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: normalised) { return date }
        }
        return nil
    }
}
