import Foundation

/// Normalisation shared by identifiers that people read from paper and type on phones.
///
/// Case is folded, and spaces, dashes, dots and slashes (the separators printers and people add) are dropped.
/// Look-alike characters (O/0, I/1) are deliberately *not* merged: a plate "AB0" and "ABO" are different plates,
/// and guessing would let a citizen reach someone else's ticket.
enum IdentifierNormalisation {
    static let separators: Set<Character> = [" ", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", ".", "/", "\t"]

    /// The normalised form, or nil when anything other than ASCII letters and digits is left.
    static func normalise(_ raw: String, maxLength: Int) -> String? {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for character in raw where !separators.contains(character) {
            guard character.isASCII, character.isLetter || character.isNumber else { return nil }
            out.append(character.uppercased())
        }
        guard !out.isEmpty, out.count <= maxLength else { return nil }
        return out
    }
}
