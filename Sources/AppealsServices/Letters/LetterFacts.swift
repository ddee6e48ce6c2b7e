import AppealsDomain
import Foundation

/// Everything a letter says about its case: the same status the citizen's page and the agent's script word, the
/// citizen's name and address, and the letter's own facts.
public struct LetterFacts: Sendable {
    public let kind: LetterKind
    public let status: CaseStatus
    public let contact: AppealDetails
    public let grounds: [Ground]
    /// The letter's date, in the authority's time zone.
    public let date: LocalDate
    /// The day the citizen's answer is due (a request for information).
    public let answerDue: LocalDate?
    /// Until when the early-payment discount is offered again, and the amount then due (an upheld decision on an
    /// appeal filed inside the discount period).
    public let discount: (until: LocalDate, amountCents: Int)?
    /// Until when a hearing may be asked for (the decision's hearing window).
    public let hearingUntil: LocalDate?
    /// The day by which what is due must be paid (a decision that leaves something to pay).
    public let payBy: LocalDate?
    /// When and where the hearing is (a hearing notice).
    public let hearing: Hearing?
    /// The words staff wrote (a letter with a message).
    public var message: String?

    public init(
        kind: LetterKind, status: CaseStatus, contact: AppealDetails, grounds: [Ground], date: LocalDate, answerDue: LocalDate? = nil,
        discount: (until: LocalDate, amountCents: Int)? = nil, hearingUntil: LocalDate? = nil,
        payBy: LocalDate? = nil, hearing: Hearing? = nil
    ) {
        self.payBy = payBy
        self.hearing = hearing
        self.kind = kind
        self.status = status
        self.contact = contact
        self.grounds = grounds
        self.date = date
        self.answerDue = answerDue
        self.discount = discount
        self.hearingUntil = hearingUntil
    }
}
