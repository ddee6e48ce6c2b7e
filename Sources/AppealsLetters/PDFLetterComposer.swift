import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// Letters as PDF: the words from `templates/letters/<kind>.mustache` rendered with the case's facts, laid out by
/// ``LetterRenderer``. The laid-out content is kept (JSON) so that a print batch draws the very same pages.
public struct PDFLetterComposer: LetterComposer {
    let templates: LetterTemplates
    let renderer: LetterRenderer
    let authority: Authority

    public init(templates: LetterTemplates, renderer: LetterRenderer, authority: Authority) {
        self.templates = templates
        self.renderer = renderer
        self.authority = authority
    }

    /// Each kind's template under `templates/letters/`.
    public static func templateName(_ kind: LetterKind) -> String {
        switch kind {
        case .acknowledgement: "acknowledgement"
        case .requestForInformation: "request-for-information"
        case .decision: "decision"
        case .deemedAcceptance: "deemed-acceptance"
        case .hearingNotice: "hearing-notice"
        case .message: "message"
        }
    }

    public func compose(_ facts: LetterFacts) throws -> ComposedLetter {
        let content = try content(facts)
        let rendered = try renderer.render(content.letter)
        return ComposedLetter(
            pdf: Data(rendered.pdf), pages: rendered.pageCount, templateVersion: content.version,
            layout: try JSONEncoder().encode(content.letter), recipient: content.letter.recipientName, title: content.letter.title,
            blocks: content.letter.blocks)
    }

    /// The letter's content, laid out but not drawn, and its template's version.
    public func content(_ facts: LetterFacts) throws -> (letter: LetterContent, version: String) {
        let view = LetterView(facts, authority: authority, timeZone: authority.zone)
        let words = try templates.render(Self.templateName(facts.kind), facts: ViewTree.tree(view))
        let reference = facts.status.reference
        let site = URL(string: authority.publicURL)
        var letter = LetterContent(
            authorityName: authority.name,
            returnAddress: PostalAddress.split(authority.postalAddress)?.envelopeLines ?? Self.lines(authority.postalAddress),
            recipientName: facts.contact.contactName,
            recipientAddress: facts.contact.address?.envelopeLines ?? Self.lines(facts.contact.postalAddress),
            date: LongDate.text(facts.date), reference: reference.grouped, ticketNumber: facts.status.ticket.number.value,
            title: words.title, blocks: words.blocks, statusURL: "\(authority.publicURL)/status?reference=\(reference.value)",
            statusShortURL: "\(site?.host ?? authority.publicURL)/status", phone: authority.phone, dated: facts.date.description)
        letter.frame = LetterFrameWords(.english, statusShortURL: letter.statusShortURL, phone: letter.phone)
        return (letter, words.version)
    }

    public func printBatch(writingTo url: URL) throws -> any PrintBatchWriter {
        try PDFBatchWriter(url: url, renderer: renderer)
    }

    /// An address as lines: as typed, one line each, or split at its commas when typed on one line.
    static func lines(_ address: String) -> [String] {
        let typed = address.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard typed.count == 1 else { return typed }
        return typed[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
