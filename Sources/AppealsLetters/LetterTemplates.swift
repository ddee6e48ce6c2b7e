import Crypto
import Foundation
import Mustache

/// The letters' words: one Mustache template per kind under `templates/letters/` (an administrator can read and
/// change them), sharing the partials the status page and the agent's script use, so that a letter says what
/// they say. Each template has a version: the SHA-256 of its text and of every partial it uses, recorded with
/// every letter made from it.
public struct LetterTemplates: Sendable {
    let library: MustacheLibrary
    let folder: URL

    public init(templatesFolder: String) async throws {
        folder = URL(fileURLWithPath: templatesFolder)
        library = try await MustacheLibrary(directory: templatesFolder)
    }

    public struct Rendered: Sendable, Equatable {
        public let title: String
        public let blocks: [LetterContent.Block]
        public let version: String
    }

    struct MissingTemplate: Error { let name: String }

    /// The letter `name` ("acknowledgement") rendered with `facts` (dictionaries, arrays, strings and flags).
    public func render(_ name: String, facts: Any) throws -> Rendered {
        guard let text = library.render(facts, withTemplate: "letters/\(name)") else { throw MissingTemplate(name: name) }
        var blocks = Self.blocks(text)
        var title = ""
        if case .heading(let first) = blocks.first {
            title = first
            blocks.removeFirst()
        }
        return Rendered(title: title, blocks: blocks, version: try version("letters/\(name)"))
    }

    /// The SHA-256 of the template's text followed by each partial it uses (recursively, each once, in order).
    public func version(_ name: String) throws -> String {
        var seen: [String] = []
        var hash = SHA256()
        func add(_ template: String) throws {
            guard !seen.contains(template) else { return }
            seen.append(template)
            let text = try String(contentsOf: folder.appendingPathComponent(template + ".mustache"), encoding: .utf8)
            hash.update(data: Data(text.utf8))
            for match in text.matches(of: /\{\{>\s*([A-Za-z0-9_\/-]+)\s*\}\}/) { try add(String(match.1)) }
        }
        try add(name)
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Rendered text as blocks: "# " lines are headings, "- " lines list items, blank lines end paragraphs, a `</p>` from a shared partial
    /// ends one too; tags are dropped, Mustache's escapes undone and runs of white space made one space.
    static func blocks(_ rendered: String) -> [LetterContent.Block] {
        let text = rendered.replacingOccurrences(of: "</p>", with: "\n\n").replacing(/<[^>]*>/, with: "")
        var blocks: [LetterContent.Block] = []
        var paragraph: [String] = []
        func endParagraph() {
            let words = paragraph.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !words.isEmpty { blocks.append(.paragraph(unescape(words))) }
            paragraph = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("# ") {
                endParagraph()
                blocks.append(.heading(unescape(String(trimmed.dropFirst(2)))))
            } else if trimmed.hasPrefix("- ") {
                endParagraph()
                blocks.append(.item(unescape(String(trimmed.dropFirst(2)).split(whereSeparator: \.isWhitespace).joined(separator: " "))))
            } else if trimmed.isEmpty {
                endParagraph()
            } else {
                paragraph.append(trimmed)
            }
        }
        endParagraph()
        return blocks
    }

    static func unescape(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#x2F;", "/"), ("&amp;", "&")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
