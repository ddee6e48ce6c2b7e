import AppealsDomain
import Foundation

/// What a citizen (or an agent reading to a caller) is told about a case: typed facts, worded by each channel.
public struct CaseStatus: Sendable, Equatable {
    public let reference: CaseReference
    public let state: CaseState
    public let ticket: Ticket
    public let receivedAt: Date
    public let late: Bool
    public let decision: Decision?
    /// The statutory decision date while the case is undecided and its clock runs.
    public let decisionDue: LocalDate?
    /// The day the citizen's answer is due while a request for information is open.
    public let answerDue: LocalDate?
    /// While a hearing may still be asked for after an upheld decision, and its letter is served: until when.
    public let hearingWindowEnds: Date?
    /// A hearing may be asked for now (an upheld decision whose window has not closed, or not yet started).
    public let hearingOpen: Bool
    /// The case's history as the citizen may see it, oldest first.
    public let events: [PublicEvent]
    /// The files sent with the appeal and with answers, in the order received.
    public let evidence: [EvidenceRecord]
    /// What the reviewer asked, while the citizen's answer is awaited.
    public let question: String?

    public struct PublicEvent: Sendable, Equatable {
        public let at: Date
        public let kind: CaseEventKind
        public init(at: Date, kind: CaseEventKind) {
            self.at = at
            self.kind = kind
        }
    }

    public init(
        reference: CaseReference, state: CaseState, ticket: Ticket, receivedAt: Date, late: Bool, decision: Decision?,
        decisionDue: LocalDate?, answerDue: LocalDate?, hearingWindowEnds: Date?, hearingOpen: Bool = false, events: [PublicEvent],
        evidence: [EvidenceRecord], question: String?
    ) {
        self.hearingOpen = hearingOpen
        self.reference = reference
        self.state = state
        self.ticket = ticket
        self.receivedAt = receivedAt
        self.late = late
        self.decision = decision
        self.decisionDue = decisionDue
        self.answerDue = answerDue
        self.hearingWindowEnds = hearingWindowEnds
        self.events = events
        self.evidence = evidence
        self.question = question
    }
}
