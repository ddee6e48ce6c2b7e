import Foundation

/// Text that must stay on one line: names, emails, ticket numbers, plates, the ticket file's free-text columns.
///
/// A line break there is never meant, and it is how a value escapes its place: a name sent as `Probe\r\n=1+1`
/// starts a new row of the clerks' CSV manifest with a formula, and a raw break splits a line of any text file or
/// header it is written to. Refused with the other problems of a form, never silently removed.
public enum SingleLineText {
    /// Whether the text holds a control character (C0 with tab, CR and LF; DEL; C1 with U+0085 NEXT LINE) or a
    /// Unicode line or paragraph separator (U+2028, U+2029): every character Unicode or a spreadsheet reads as a
    /// line break, and the invisible ones no person types.
    ///
    /// Read as UTF-8 bytes: the ticket import asks this of four columns of a million rows.
    ///
    /// - Parameter allowingLineFeeds: CR and LF are let through (for text that may span lines, such as a ticket's
    ///   location, which a letter prints as it came); every other control character and separator is still found.
    public static func hasBreakOrControl<S: StringProtocol>(_ text: S, allowingLineFeeds: Bool = false) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && !(allowingLineFeeds && (byte == 0x0A || byte == 0x0D))) || byte == 0x7F { return true }
            // C1 controls U+0080…U+009F are C2 80 … C2 9F.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            (beforePrevious, previous) = (previous, byte)
        }
        return false
    }
}
