import Foundation

/// HTML character references, because webmail writes umlauts and apostrophes as `&auml;` and `&#39;`; only the
/// names seen in mail are listed, and an unknown one is kept as written.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "auml": "ä", "ouml": "ö",
        "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "Eacute": "É", "egrave": "è",
        "ecirc": "ê", "agrave": "à", "aacute": "á", "acirc": "â", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "ntilde": "ñ", "Ntilde": "Ñ", "ccedil": "ç", "Ccedil": "Ç", "oslash": "ø", "Oslash": "Ø", "aring": "å",
        "Aring": "Å", "aelig": "æ", "euro": "€", "pound": "£", "copy": "©", "reg": "®", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "deg": "°",
        "laquo": "«", "raquo": "»", "iexcl": "¡", "iquest": "¿", "ordm": "º", "ordf": "ª", "shy": "", "zwnj": "",
    ]

    /// Decodes the reference starting at `start` (an `&`); returns the text and the index after it.
    static func decode(_ scalars: [Unicode.Scalar], from start: Int) -> (text: String, end: Int) {
        var index = start + 1
        var name = ""
        while index < scalars.count, index - start <= 32, scalars[index] != ";" {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { break }
            name.unicodeScalars.append(scalar)
            index += 1
        }
        let terminated = index < scalars.count && scalars[index] == ";"
        let end = terminated ? index + 1 : index
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, let scalar = Unicode.Scalar(value), value != 0 { return (String(scalar), end) }
        } else if let text = named[name], terminated || name == "nbsp" || name == "amp" {
            return (text, end)
        }
        return ("&", start + 1)
    }
}
