import Foundation

/// Turns body and header bytes into text by their declared charset, because citizens' mail arrives in whatever
/// their client chose, and an unknown or wrong label must still give readable text rather than an error.
enum MailCharset {
    static func decode<C: Collection>(_ bytes: C, charset: String?) -> String where C.Element == UInt8 {
        let name = (charset ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-8859-15", "iso_8859-1":
            return latin1(bytes)
        case "utf-8", "utf8":
            return String(decoding: bytes, as: UTF8.self)
        default:
            // us-ascii, unlabelled and unknown: UTF-8 when it is valid, else the common Western single-byte set.
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return windows1252(bytes)
        }
    }

    /// Foundation's windows-1252 refuses the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90,
    /// 0x9D); they become `?` so that one stray byte does not lose the € and ’ of the rest of the text.
    static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = String(data: Data(bytes), encoding: .windowsCP1252) { return text }
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let cleaned = bytes.map { undefined.contains($0) ? 0x3F : $0 }
        return String(data: Data(cleaned), encoding: .windowsCP1252) ?? latin1(bytes)
    }

    static func latin1<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }
}
