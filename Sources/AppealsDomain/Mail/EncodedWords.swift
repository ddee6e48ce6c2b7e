import Foundation

/// RFC 2047 encoded words (`=?charset?Q|B?text?=`), because names and subjects with accents arrive that way and
/// must be shown as the citizen wrote them.
enum EncodedWords {
    /// Works on UTF-8 bytes with a forward-only scan, so a megabyte of `=?` costs linear time (Foundation's
    /// `range(of:)` on a substring copies it and made this quadratic).
    static func decode(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        guard bytes.count > 1 else { return raw }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var lastWordEnd: Int?
        while index < bytes.count {
            guard bytes[index] == 0x3D, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
                let word = parseWord(bytes, at: index)
            else {
                output.append(bytes[index])
                index += 1
                continue
            }
            if let previous = lastWordEnd, bytes[previous..<index].allSatisfy({ [0x20, 0x09, 0x0D, 0x0A].contains($0) }) {
                output.removeLast(index - previous)
            }
            output.append(contentsOf: word.text.utf8)
            index = word.end
            lastWordEnd = index
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Parses one encoded word starting at `start` (at `=?`); nil if it is not one. RFC 2047 words are at most 75
    /// characters; up to 1,000 are accepted, and no search goes further.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (text: String, end: Int)? {
        let limit = min(bytes.count, start + 1_000)
        var marks: [Int] = []
        var index = start + 2
        while index < limit, marks.count < 3 {
            if bytes[index] == 0x3F { marks.append(index) }
            if bytes[index] == 0x20 || bytes[index] == 0x09 { return nil }
            index += 1
        }
        guard marks.count == 3, marks[1] == marks[0] + 2, marks[0] > start + 2, marks[2] + 1 < bytes.count,
            bytes[marks[2] + 1] == 0x3D
        else { return nil }
        let charset = String(decoding: bytes[(start + 2)..<marks[0]], as: UTF8.self)
        let charsetName = String(charset.split(separator: "*").first ?? Substring(charset))
        let encodedText = bytes[(marks[1] + 1)..<marks[2]]
        let decoded: [UInt8]
        switch bytes[marks[0] + 1] {
        case 0x42, 0x62: decoded = TransferEncoding.base64(encodedText)
        case 0x51, 0x71: decoded = TransferEncoding.quotedPrintable(encodedText, underscoreIsSpace: true)
        default: return nil
        }
        return (MailCharset.decode(decoded, charset: charsetName), marks[2] + 2)
    }
}
