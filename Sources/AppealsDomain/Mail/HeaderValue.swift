import Foundation

/// A structured header value such as `Content-Type` or `Content-Disposition`, parsed once so that RFC 2231
/// parameters (charset, continuations) and quoted strings are handled in one place rather than at every use.
struct HeaderValue: Sendable, Equatable {
    /// The main token, lowercased (`text/plain`, `attachment`).
    var value: String
    /// Parameters by lowercased name, quotes removed, RFC 2231 and RFC 2047 decoded.
    var parameters: [String: String]

    /// Longer values are cut before parsing; a real Content-Type or Content-Disposition is under 1 KB.
    static let maximumLength = 65_536

    init(_ raw: String) {
        let segments = HeaderValue.split(String(raw.prefix(HeaderValue.maximumLength)), separator: ";")
        value = (segments.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [Int: (text: String, encoded: Bool)]] = [:]
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            let name = segment[..<equals].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let text = HeaderValue.unquote(segment[segment.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines))
            guard !name.isEmpty else { continue }
            guard name.contains("*") else {
                if plain[name] == nil { plain[name] = text }
                continue
            }
            var pieces = name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            let encoded = name.hasSuffix("*")
            if encoded { pieces.removeLast() }
            let base = pieces[0]
            let number = pieces.count > 1 ? Int(pieces[1]) : 0
            guard let number, number >= 0, number < 1_000 else { continue }
            extended[base, default: [:]][number] = (text, encoded)
        }
        for (base, sections) in extended {
            plain[base] = HeaderValue.joinExtended(sections)
        }
        parameters = plain.mapValues { $0.contains("=?") ? EncodedWords.decode($0) : $0 }
    }

    /// RFC 2231: `charset'language'percent-encoded` in the first encoded section, later sections appended.
    private static func joinExtended(_ sections: [Int: (text: String, encoded: Bool)]) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        for number in sections.keys.sorted() {
            guard let section = sections[number] else { continue }
            var text = Substring(section.text)
            if section.encoded && number == sections.keys.min() {
                let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    charset = String(parts[0])
                    text = parts[2]
                }
            }
            bytes.append(contentsOf: section.encoded ? percentDecode(text) : Array(text.utf8))
        }
        return MailCharset.decode(bytes, charset: charset)
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x25, index + 2 < utf8.count, let high = MailBytesHex.value(utf8[index + 1]),
                let low = MailBytesHex.value(utf8[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }

    /// Splits on `separator` outside double quotes.
    static func split(_ raw: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in raw {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == separator && !quoted {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// Removes surrounding double quotes and backslash escapes.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var out = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            out.append(character)
        }
        return out
    }
}

/// Hex digit values for percent and quoted-printable decoding.
enum MailBytesHex {
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
