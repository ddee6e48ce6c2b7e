import Foundation

/// Finds where a reply's own words end, because the case history should show what the citizen added, not the
/// portal's own question quoted back by every client in its own way (`>` lines, attributions in several
/// languages, Outlook header blocks, forwards, signatures and "Sent from my phone" footers).
enum QuotedHistory {
    /// Lines that start quoted history outright.
    private static let separators = [
        "-----original message-----", "----- original message -----", "-----ursprüngliche nachricht-----",
        "-----mensaje original-----", "-----message d'origine-----", "---------- forwarded message",
        "-------- original message --------", "-------- forwarded message --------", "begin forwarded message:",
        "-------- weitergeleitete nachricht --------", "________________________________",
    ]
    /// Field names that open an Outlook-style header block of the quoted message.
    private static let blockStarts = ["from:", "von:", "de:", "gesendet:", "sent:", "enviado:", "envoyé:", "date:"]
    /// Field names that must follow within a few lines for it to be such a block.
    private static let blockFields = [
        "to:", "an:", "para:", "à:", "a:", "subject:", "betreff:", "asunto:", "objet:", "sent:", "gesendet:", "enviado:",
        "envoyé:", "date:", "datum:", "fecha:", "von:", "from:", "de:", "cc:",
    ]
    /// One-line footers that mobile clients add under the text.
    private static let footers = [
        "sent from my ", "sent from outlook", "sent from mail for windows", "sent from yahoo mail", "get outlook for ",
        "von meinem iphone gesendet", "von meinem ipad gesendet", "gesendet von ", "enviado desde mi ", "envoyé de mon ",
        "sent with proton mail", "sent from samsung", "sent via ",
    ]

    /// `text` without quoted history, signature and footers, trimmed.
    static func newText(_ text: String) -> String {
        let cleaned = text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        let lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lowered = trimmed.lowercased()
            let next = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
            if line == "-- " || line == "--" { break scan }
            if separators.contains(where: { lowered.hasPrefix($0) }) { break scan }
            if isAttribution(trimmed) || (!next.isEmpty && isAttribution(trimmed + " " + next) && startsAttribution(trimmed)) {
                break scan
            }
            if isHeaderBlock(lines, at: index) { break scan }
            index += 1
            if trimmed.hasPrefix(">") { continue }
            if trimmed.count <= 60 && footers.contains(where: { lowered.hasPrefix($0) }) { continue }
            kept.append(line)
        }
        return MailText.tidy(kept.joined(separator: "\n"))
    }

    /// "On … wrote:", "Am … schrieb …:", "El … escribió:", "Le … a écrit :", "Op … schreef …:", "Il … ha scritto:".
    static func isAttribution(_ line: String) -> Bool {
        let lowered = line.lowercased()
        // Every client puts the date in; requiring a digit keeps "On Monday the warden wrote:" as the sender's words.
        guard startsAttribution(line), lowered.hasSuffix(":"), lowered.count <= 400, lowered.contains(where: \.isNumber) else {
            return false
        }
        return lowered.hasSuffix("wrote:") || lowered.contains(" schrieb") || lowered.hasSuffix("escribió:")
            || lowered.hasSuffix("a écrit :") || lowered.hasSuffix("a écrit:") || lowered.contains(" schreef")
            || lowered.hasSuffix("ha scritto:") || lowered.hasSuffix("escreveu:")
    }

    private static func startsAttribution(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return ["on ", "am ", "el ", "le ", "op ", "il ", "em "].contains { lowered.hasPrefix($0) }
    }

    /// A line like `From: …` followed within four lines by another quoted-header field such as `Sent:` or `Subject:`.
    private static func isHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        let first = strip(lines[index])
        guard blockStarts.contains(where: { first.hasPrefix($0) }) else { return false }
        let name = first.prefix { $0 != ":" }
        for offset in 1...4 where index + offset < lines.count {
            let other = strip(lines[index + offset])
            if other.isEmpty { continue }
            if blockFields.contains(where: { other.hasPrefix($0) }) && !other.hasPrefix(name + ":") { return true }
        }
        return false
    }

    /// Lowercased, trimmed, without the `*bold*` marks plain-text Outlook puts around field names.
    private static func strip(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "*", with: "").lowercased()
    }
}
