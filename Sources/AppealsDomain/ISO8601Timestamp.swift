import Foundation

/// Parses ISO 8601 timestamps that carry an explicit UTC offset ("2026-03-03T09:15:00-05:00", "…Z").
///
/// Written by hand rather than with `ISO8601DateFormatter` because the ticket import parses a million of these
/// per run and the formatter costs microseconds each; and because a timestamp without an offset must be
/// refused (the enforcement system's local time is ambiguous across daylight-saving changes).
public enum ISO8601Timestamp {
    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        // Trim surrounding spaces, which spreadsheets like to add.
        while utf8.last == UInt8(ascii: " ") { utf8.removeLast() }
        var i = 0
        while i < utf8.count, utf8[i] == UInt8(ascii: " ") { i += 1 }

        func digits(_ count: Int) -> Int? {
            guard i + count <= utf8.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let d = Int(utf8[k]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            i += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < utf8.count, utf8[i] == byte else { return false }
            i += 1
            return true
        }

        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2)
        else { return nil }
        guard i < utf8.count, utf8[i] == UInt8(ascii: "T") || utf8[i] == UInt8(ascii: "t") || utf8[i] == UInt8(ascii: " ")
        else { return nil }
        i += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2) else { return nil }
        var second = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = digits(2) else { return nil }
            second = s
            if i < utf8.count, utf8[i] == UInt8(ascii: ".") || utf8[i] == UInt8(ascii: ",") {
                i += 1
                // Fractions of a second are read and dropped: ticket times are kept to the second.
                let start = i
                while i < utf8.count, (48...57).contains(utf8[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < utf8.count else { return nil }  // no offset: refused
        var offsetSeconds = 0
        if utf8[i] == UInt8(ascii: "Z") || utf8[i] == UInt8(ascii: "z") {
            i += 1
        } else if utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") {
            let sign = utf8[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            guard let om = digits(2), oh <= 18, om <= 59 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == utf8.count else { return nil }
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }

        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds))
    }
}

extension ISO8601Timestamp {
    /// Formats an instant as UTC to the second ("2026-03-03T14:15:00Z"): the form stored in the database,
    /// which sorts as text in time order on every engine.
    public static func formatUTC(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = CivilDate.civil(fromDaysSinceEpoch: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondsOfDay / 3600, 2)):"
            + "\(pad(secondsOfDay % 3600 / 60, 2)):\(pad(secondsOfDay % 60, 2))Z"
    }
}
