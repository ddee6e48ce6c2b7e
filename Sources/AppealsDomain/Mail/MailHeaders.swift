import Foundation

/// Header fields in arrival order, because RFC 5322 allows repeated fields and the first one is the one that counts
/// for most lookups, while `Received`-style fields must stay a list.
struct MailHeaders: Sendable, Equatable {
    /// One unfolded field: name lowercased for case-insensitive lookup, value as received (minus folding).
    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Caps memory for hostile inputs with millions of tiny header lines.
    static let maximumFields = 1_000

    var fields: [Field] = []

    /// The first field with this (case-insensitive) name.
    subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// Every field with this name, in order.
    func all(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name == key }.map(\.value)
    }

    /// Reads the header block at the start of `bytes` (CRLF or LF line ends, folded lines) and returns it with the
    /// index where the body starts (after the empty line, or the end when there is none).
    static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: MailHeaders, bodyStart: Int) {
        var headers = MailHeaders()
        var name: String?
        var value: [UInt8] = []
        var index = bytes.startIndex
        var bodyStart = bytes.endIndex
        func flush() {
            if let name, headers.fields.count < maximumFields {
                headers.fields.append(Field(name: name, value: MailBytes.headerString(value).trimmingCharacters(in: .whitespaces)))
            }
            name = nil
            value = []
        }
        while index < bytes.endIndex {
            let line = MailBytes.line(in: bytes, from: index)
            let content = bytes[index..<line.contentEnd]
            index = line.next
            if content.isEmpty {
                bodyStart = index
                break
            }
            if let first = content.first, first == 0x20 || first == 0x09 {
                if name != nil { value.append(contentsOf: content) }
                continue
            }
            flush()
            guard let colon = content.firstIndex(of: 0x3A), colon > content.startIndex,
                content[content.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else { continue }
            name = String(decoding: content[content.startIndex..<colon], as: UTF8.self).lowercased()
            value = Array(content[(colon + 1)...])
        }
        flush()
        return (headers, bodyStart)
    }
}

/// Byte-level helpers shared by the header and MIME parsers, which work on bytes because bodies are not text until
/// their transfer encoding and charset are known.
enum MailBytes {
    /// The end of the line starting at `start` (before CR LF or LF) and the start of the next line.
    static func line(in bytes: ArraySlice<UInt8>, from start: Int) -> (contentEnd: Int, next: Int) {
        guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return (bytes.endIndex, bytes.endIndex) }
        let contentEnd = newline > start && bytes[newline - 1] == 0x0D ? newline - 1 : newline
        return (contentEnd, newline + 1)
    }

    /// Header text: UTF-8 when valid (RFC 6532), otherwise Latin-1, which maps every byte.
    static func headerString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return MailCharset.latin1(bytes)
    }
}
