import Foundation

/// A mailbox as a header names it, because matching a reply to a case compares addresses (lowercased) while the
/// case history shows the name the citizen's client gave (RFC 2047 decoded).
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Address lists longer than this are cut; no real reply has more recipients.
    static let maximumCount = 1_000

    /// Parses an address list (`To`, `Cc`): `Name <a@b>`, `"Quoted, Name" <a@b>`, `a@b (Comment)`, groups.
    static func list(_ raw: String) -> [MailAddress] {
        splitList(raw).compactMap(parse)
    }

    /// Parses one mailbox; nil when there is no address in it.
    static func parse(_ raw: String) -> MailAddress? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let colon = groupColon(text) { text = String(text[text.index(after: colon)...]) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "; \t"))
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            let display = HeaderValue.unquote(text[..<open].trimmingCharacters(in: .whitespaces))
            let decoded = EncodedWords.decode(display).trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty else { return nil }
            return MailAddress(name: decoded.isEmpty ? nil : decoded, address: address)
        }
        var comment: String?
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            comment = EncodedWords.decode(String(text[text.index(after: open)..<close])).trimmingCharacters(in: .whitespaces)
            text = String(text[..<open]) + String(text[text.index(after: close)...])
        }
        let address = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !address.isEmpty, !address.contains(" ") else { return nil }
        return MailAddress(name: comment?.isEmpty == false ? comment : nil, address: address)
    }

    /// Splits on commas outside quotes, angle brackets and comments.
    private static func splitList(_ raw: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        var comment = 0
        var escaped = false
        for character in raw {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" && comment == 0 {
                quoted.toggle()
            } else if !quoted {
                switch character {
                case "<": angle = true
                case ">": angle = false
                case "(": comment = min(comment + 1, 100)
                case ")": comment = max(comment - 1, 0)
                case "," where !angle && comment == 0:
                    parts.append(current)
                    if parts.count >= maximumCount { return parts }
                    current = ""
                    continue
                default: break
                }
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// The colon of `group-name:` outside quotes, if the text starts with a group.
    private static func groupColon(_ text: String) -> String.Index? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "<", "@": return nil
            case ":" where !quoted: return index
            default: continue
            }
        }
        return nil
    }
}
