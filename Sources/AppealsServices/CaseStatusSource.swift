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

/// The read behind every status look-up: the busiest page of the portal, so one port that the store answers in
/// as few round trips as it can, rather than a case, a ticket and the files fetched one after the other.
public protocol CaseStatusSource: Sendable {
    func statusFacts(_ reference: CaseReference) async throws -> CaseStatusFacts?
}
