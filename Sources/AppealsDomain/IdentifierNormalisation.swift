import Foundation

/// Normalisation shared by identifiers that people read from paper and type on phones.
///
/// Case is folded, and spaces, dashes, dots and slashes (the separators printers and people add) are dropped.
/// Look-alike characters (O/0, I/1) are deliberately *not* merged: a plate "AB0" and "ABO" are different plates,
/// and guessing would let a citizen reach someone else's ticket.
enum IdentifierNormalisation {
    static let separators: Set<Unicode.Scalar> = [" ", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", ".", "/", "\t"]

    /// The normalised form, or nil when anything other than ASCII letters and digits is left.
    /// Works on scalars and bytes: the ticket import runs this twice per row, a million rows at a time.
    static func normalise(_ raw: String, maxLength: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars where !separators.contains(scalar) {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: out.append(UInt8(scalar.value))
            case 0x61...0x7A: out.append(UInt8(scalar.value) - 0x20)
            default: return nil
            }
            if out.count > maxLength { return nil }
        }
        guard !out.isEmpty else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs. (Foundation's `trimmingCharacters(in:)` goes through
    /// NSString on Linux and cost most of the ticket import's time.)
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        if first == bytes.startIndex, bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }
}
