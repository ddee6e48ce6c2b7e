import AppealsDomain
import Foundation

/// The facts of the event that queued a letter, taken in that event's transaction: the letter states these, not
/// whatever the case says when it is produced (a hearing asked for since a decision does not change the decision
/// letter; a decision reviewed since does not change its amounts or replies).
public struct LetterSnapshot: Sendable, Equatable, Codable {
    /// The state the event left the case in.
    public let state: CaseState
    /// The decision the event took (with its amounts and replies to each ground), if any.
    public let decision: Decision?
    /// The day an answer to a request for information is due, `yyyy-mm-dd`.
    public let answerDue: String?
    /// What the reviewer asked (a request for information).
    public let question: String?
    /// The words staff wrote (a letter with a message).
    public var message: String?

    public init(state: CaseState, decision: Decision?, answerDue: LocalDate?, question: String? = nil, message: String? = nil) {
        self.message = message
        self.state = state
        self.decision = decision
        self.answerDue = answerDue?.description
        self.question = question
    }

    /// The case's status as the event left it: the current status with the event's state, decision, question and answer
    /// date.
    public func applied(to status: CaseStatus) -> CaseStatus {
        CaseStatus(
            reference: status.reference, state: state, ticket: status.ticket, receivedAt: status.receivedAt, late: status.late,
            decision: decision, decisionDue: state.isUndecided ? status.decisionDue : nil,
            answerDue: answerDue.flatMap { LocalDate(iso: $0) } ?? status.answerDue,
            hearingWindowEnds: state == .decided ? status.hearingWindowEnds : nil,
            hearingOpen: state == .decided && decision?.outcome == .upheld, events: status.events, evidence: status.evidence,
            question: question ?? status.question)
    }
}

extension CaseStatus {
    /// The status as a letter dated `day` states it: an answer date already past is left out (the letter asks for an
    /// answer as soon as possible instead of naming a day before its own).
    public func answerDue(notBefore day: LocalDate) -> CaseStatus {
        guard let due = answerDue, due < day else { return self }
        return CaseStatus(
            reference: reference, state: state, ticket: ticket, receivedAt: receivedAt, late: late, decision: decision,
            decisionDue: decisionDue, answerDue: nil, hearingWindowEnds: hearingWindowEnds, hearingOpen: hearingOpen, events: events,
            evidence: evidence, question: question)
    }
}
