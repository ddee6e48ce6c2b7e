import Foundation

/// A letter laid out: its PDF and what it was made from.
public struct ComposedLetter: Sendable {
    public let pdf: Data
    public let pages: Int
    /// The SHA-256 of the template and partials that gave the words.
    public let templateVersion: String
    /// The laid-out content (JSON), from which a print batch draws the same pages again.
    public let layout: Data
    /// Who it is for, as the manifest lists it.
    public let recipient: String
    /// The words, as the PDF sets them (the reviewer's preview shows them beside the PDF).
    public let title: String
    public let blocks: [LetterBlock]

    public init(pdf: Data, pages: Int, templateVersion: String, layout: Data, recipient: String, title: String, blocks: [LetterBlock]) {
        self.title = title
        self.blocks = blocks
        self.pdf = pdf
        self.pages = pages
        self.templateVersion = templateVersion
        self.layout = layout
        self.recipient = recipient
    }
}

/// A part of a letter's body: a heading, a paragraph, or one item of a list (a ground raised, set with a bullet).
public enum LetterBlock: Sendable, Equatable, Codable {
    case heading(String)
    case paragraph(String)
    case item(String)
}
