import AppealsServices
import AppealsWords

/// The words a letter's frame prints around its facts, in the letter's language: kept with the stored layout, so
/// that a print batch draws the very words the letter was made with.
public struct LetterFrameWords: Sendable, Equatable, Codable {
    public var date: String
    public var caseReference: String
    public var ticket: String
    /// "Check your appeal at riverton.example/status (or scan the code) …".
    public var howToCheck: String

    public init(_ words: Catalogue, statusShortURL: String, phone: String) {
        date = words(LetterWords.date)
        caseReference = words(LetterWords.caseReference)
        ticket = words(LetterWords.ticket)
        howToCheck = words(LetterWords.howToCheck, ["address": statusShortURL, "phone": phone])
    }
}

extension LetterContent {
    /// The words its frame is drawn with: English for a layout stored before they were kept.
    var frameWords: LetterFrameWords { frame ?? LetterFrameWords(.english, statusShortURL: statusShortURL, phone: phone) }
}
