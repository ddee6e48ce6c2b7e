import AppealsDomain

/// Everything the citizen's status page shows about one case, read together: the case and its history, its
/// ticket (whose plate the look-up checks), its files and, while the citizen owes an answer, what was asked.
public struct CaseStatusFacts: Sendable, Equatable {
    public let loaded: LoadedCase
    public let ticket: Ticket
    public let evidence: [EvidenceRecord]
    public let question: String?

    public init(loaded: LoadedCase, ticket: Ticket, evidence: [EvidenceRecord], question: String?) {
        self.loaded = loaded
        self.ticket = ticket
        self.evidence = evidence
        self.question = question
    }
}
