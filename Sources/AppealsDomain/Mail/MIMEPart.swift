import Foundation

/// One node of the MIME tree, because the portal needs to tell the citizen's text from the HTML alternative, the
/// photos and the bounce report, and those are only distinguishable by their place and headers in the tree.
struct MIMEPart: Sendable {
    /// Nested multiparts deeper than this are ignored: real clients stay under 5, attackers do not.
    static let maximumDepth = 10
    /// At most this many parts are read from one message (and at most 10 text parts are shown).
    static let maximumParts = 100

    var headers: MailHeaders
    var contentType: HeaderValue
    var body: ArraySlice<UInt8>
    var children: [MIMEPart] = []

    /// Parses `bytes` (headers, empty line, body); `budget` is the number of parts still allowed.
    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, budget: inout Int) -> MIMEPart {
        budget -= 1
        let (headers, bodyStart) = MailHeaders.parse(bytes)
        let type = HeaderValue(headers["content-type"] ?? "text/plain")
        var part = MIMEPart(headers: headers, contentType: type, body: bytes[bodyStart...])
        if part.mediaType.hasPrefix("multipart/"), depth < maximumDepth, let boundary = type.parameters["boundary"],
            !boundary.isEmpty, boundary.utf8.count <= 200
        {
            for section in split(part.body, boundary: Array(boundary.utf8)) {
                guard budget > 0 else { break }
                part.children.append(parse(section, depth: depth + 1, budget: &budget))
            }
        }
        return part
    }

    /// `type/subtype`, lowercased; `text/plain` when missing or malformed (RFC 2045 5.2).
    var mediaType: String {
        contentType.value.contains("/") ? contentType.value : "text/plain"
    }

    var isMultipart: Bool { mediaType.hasPrefix("multipart/") }

    var disposition: HeaderValue? { headers["content-disposition"].map(HeaderValue.init) }

    /// The name the sender gave the file: Content-Disposition `filename`, else Content-Type `name`.
    var filename: String? {
        let name = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        guard let trimmed = name?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The body with its Content-Transfer-Encoding removed.
    var decodedBody: [UInt8] {
        TransferEncoding.decode(body, encoding: headers["content-transfer-encoding"])
    }

    /// Text beyond this many bytes per part is not read: no citizen writes a megabyte, and it bounds the cost of
    /// the line-by-line quote and HTML scans on hostile input.
    static let maximumTextBytes = 1 << 20

    /// A text part as a string: charset decoded, `format=flowed` joined, LF line ends.
    var decodedText: String {
        var text = MailCharset.decode(decodedBody.prefix(MIMEPart.maximumTextBytes), charset: contentType.parameters["charset"])
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if contentType.parameters["format"]?.lowercased() == "flowed" {
            text = FlowedText.unflow(text, deleteSpace: contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return text
    }

    /// Text or HTML the sender wrote, as opposed to a text file they attached.
    var isBodyText: Bool {
        (mediaType == "text/plain" || mediaType == "text/html") && filename == nil && disposition?.value != "attachment"
    }

    /// Leaves of the tree, in order.
    var leaves: [MIMEPart] {
        isMultipart ? children.flatMap(\.leaves) : [self]
    }

    /// Splits a multipart body at `--boundary` lines; the preamble and epilogue are dropped, and a missing closing
    /// delimiter ends the last part at the end of the input.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var sections: [ArraySlice<UInt8>] = []
        var sectionStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            let line = MailBytes.line(in: body, from: index)
            let content = body[index..<line.contentEnd]
            if content.starts(with: delimiter) {
                let rest = content.dropFirst(delimiter.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                let tail = closing ? rest.dropFirst(2) : rest
                if tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start = sectionStart { sections.append(body[start..<max(start, lineBreakStart(body, before: index))]) }
                    if sections.count >= maximumParts { return sections }
                    sectionStart = closing ? nil : line.next
                    if closing { return sections }
                }
            }
            index = line.next
        }
        if let start = sectionStart { sections.append(body[start..<body.endIndex]) }
        return sections
    }

    /// The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1), so the part ends before it.
    private static func lineBreakStart(_ body: ArraySlice<UInt8>, before index: Int) -> Int {
        var end = index
        if end > body.startIndex, body[end - 1] == 0x0A { end -= 1 }
        if end > body.startIndex, end < index, body[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
