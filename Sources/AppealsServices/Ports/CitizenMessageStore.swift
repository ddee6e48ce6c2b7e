import AppealsDomain
import Foundation

/// Words a member of staff wrote to a citizen, queued once each.
public protocol CitizenMessageStore: Sendable {
    /// Queues the message (in the outbox, or as a letter) with its timeline entry, in one transaction; false, and
    /// nothing written, when a message with its id was queued before (a second press of Send).
    func queue(_ message: CitizenMessage, interaction: Interaction) async throws -> Bool
}

/// One message staff wrote, as queued.
public struct CitizenMessage: Sendable, Equatable {
    /// Chosen when the message was previewed, so that sending it twice queues it once.
    public let id: String
    public let reference: CaseReference
    public let words: String
    /// By post (a letter with the words) rather than by the outbox (e-mail or text).
    public let byLetter: Bool
    public let at: Date
    /// The case as it stood, for the letter.
    public let snapshot: LetterSnapshot?

    public init(id: String, reference: CaseReference, words: String, byLetter: Bool, at: Date, snapshot: LetterSnapshot?) {
        self.id = id
        self.reference = reference
        self.words = words
        self.byLetter = byLetter
        self.at = at
        self.snapshot = snapshot
    }
}
