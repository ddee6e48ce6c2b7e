import Foundation

/// Turns an HTML mail body into readable plain text, because some clients send HTML only and the case history
/// shows text; Foundation's HTML import (NSAttributedString) does not exist on Linux, so this is a small tag
/// scanner, not an HTML parser: it only needs line breaks, entities, and which elements to skip.
enum MailText {
    private static let skipped: Set<String> = ["style", "script", "head", "title", "template"]
    private static let paragraphs: Set<String> = [
        "p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre", "hr",
    ]
    private static let lines: Set<String> = ["div", "li", "tr", "dt", "dd", "section", "article", "header", "footer"]
    private static let void: Set<String> = ["br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"]

    /// `dropQuotes` also skips `<blockquote>` and Gmail/Yahoo/Outlook-web quote containers, for `newText`.
    static func fromHTML(_ html: String, dropQuotes: Bool = false) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var skipName: String?
        var skipDepth = 0
        var pendingSpace = false
        var index = 0
        func lineBreak(_ count: Int) {
            pendingSpace = false
            var existing = 0
            for scalar in output.reversed() {
                guard scalar == "\n" else { break }
                existing += 1
                if existing >= count { return }
            }
            if output.isEmpty { return }
            output.append(contentsOf: String(repeating: "\n", count: count - existing).unicodeScalars)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                let tag = readTag(scalars, from: index)
                index = tag.end
                guard let name = tag.name else { continue }
                if let open = skipName {
                    if name == open && !tag.selfClosing && !void.contains(name) { skipDepth += tag.closing ? -1 : 1 }
                    if skipDepth <= 0 { skipName = nil }
                    continue
                }
                if !tag.closing && !tag.selfClosing && !void.contains(name)
                    && (skipped.contains(name) || (dropQuotes && isQuote(name, attributes: tag.attributes)))
                {
                    skipName = name
                    skipDepth = 1
                    continue
                }
                if name == "br" {
                    pendingSpace = false
                    output.append("\n")
                } else if paragraphs.contains(name) {
                    lineBreak(2)
                } else if lines.contains(name) {
                    lineBreak(1)
                } else if name == "td" || name == "th" {
                    pendingSpace = true
                }
                continue
            }
            index += 1
            if skipName != nil { continue }
            var text = String(scalar)
            if scalar == "&" {
                let entity = HTMLEntities.decode(scalars, from: index - 1)
                text = entity.text
                index = entity.end
            }
            for piece in text.unicodeScalars {
                if piece == " " || piece == "\t" || piece == "\n" || piece == "\r" {
                    pendingSpace = true
                } else {
                    if pendingSpace, let last = output.last, last != "\n" { output.append(" ") }
                    pendingSpace = false
                    output.append(piece)
                }
            }
        }
        // A no-break space is kept until here so that `<div>&nbsp;</div>` still makes an empty line.
        return tidy(String(output).replacingOccurrences(of: "\u{A0}", with: " "), trimLeading: true)
    }

    /// Trims the end of each line (and the start too with `trimLeading`, for HTML whose source indentation means
    /// nothing), keeps at most one blank line in a row, and trims the whole.
    static func tidy(_ text: String, trimLeading: Bool = false) -> String {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = String(line)
            while let last = trimmed.unicodeScalars.last, CharacterSet.whitespaces.contains(last) {
                trimmed.unicodeScalars.removeLast()
            }
            if trimLeading { trimmed = trimmed.trimmingCharacters(in: .whitespaces) }
            if trimmed.isEmpty && (result.last?.isEmpty ?? true) { continue }
            result.append(trimmed)
        }
        return result.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isQuote(_ name: String, attributes: String) -> Bool {
        if name == "blockquote" { return true }
        let lowered = attributes.lowercased()
        return lowered.contains("gmail_quote") || lowered.contains("yahoo_quoted") || lowered.contains("divrplyfwdmsg")
            || lowered.contains("moz-cite-prefix")
    }

    /// Reads `<…>` starting at `start`: comments, doctypes and CDATA give no name.
    private static func readTag(_ scalars: [Unicode.Scalar], from start: Int)
        -> (name: String?, closing: Bool, selfClosing: Bool, attributes: String, end: Int)
    {
        var index = start + 1
        if index + 2 < scalars.count, scalars[index] == "!", scalars[index + 1] == "-", scalars[index + 2] == "-" {
            var end = index + 3
            while end + 2 < scalars.count, !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">") { end += 1 }
            return (nil, false, false, "", min(end + 3, scalars.count))
        }
        var closing = false
        if index < scalars.count, scalars[index] == "/" {
            closing = true
            index += 1
        }
        var name = ""
        while index < scalars.count,
            scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index])
                || scalars[index] == ":"
        {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        var attributes = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                break
            }
            attributes.append(scalar)
        }
        let text = String(attributes)
        let selfClosing = text.hasSuffix("/")
        return (name.isEmpty ? nil : name.lowercased(), closing, selfClosing, text, index)
    }
}
