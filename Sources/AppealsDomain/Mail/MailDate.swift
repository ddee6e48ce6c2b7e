import Foundation

/// RFC 5322 `Date` parsing, tolerant of the obsolete forms (two-digit years, zone names, missing seconds or day of
/// week, trailing comments) because the received date orders replies in the case history. Read field by field with
/// ``CivilDate``'s arithmetic: a date formatter made per message was a fifth of the mail receiver's time.
enum MailDate {
    private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let zones = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -500, "EDT": -400, "CST": -600, "CDT": -500, "MST": -700, "MDT": -600,
        "PST": -800, "PDT": -700,
    ]

    static func parse(_ raw: String) -> Date? {
        var text = Substring(raw)
        if let comment = text.firstIndex(of: "(") { text = text[..<comment] }
        if let comma = text.firstIndex(of: ",") { text = text[text.index(after: comma)...] }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // day month year time [zone] [a day-of-week left over after the comment]
        guard words.count >= 4, words.count <= 6, let day = Int(words[0]), (1...31).contains(day),
            let month = months.firstIndex(of: words[1].uppercased()).map({ $0 + 1 }), var year = Int(words[2]), words[2].count <= 4
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        let clock = words[3].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 2 || clock.count == 3, let hour = clock[0], let minute = clock[1],
            let second = clock.count == 3 ? clock[2] : 0,
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second), day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        var offset = 0  // ±hhmm; no zone is taken as UTC
        if words.count >= 5 {
            let zone = words[4]
            if let named = zones[zone.uppercased()] {
                offset = named
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let digits = Int(zone.dropFirst()),
                digits % 100 < 60
            {
                offset = sign == "-" ? -digits : digits
            } else {
                return nil
            }
        }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - (offset / 100 * 3_600 + offset % 100 * 60)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
