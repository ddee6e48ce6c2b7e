import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The staff case page's view: what ``CasePageBuilder`` made of the workspace's facts, for the template.
struct CasePage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let reference: String
    let grouped: String
    /// The case page, its forms and its audit trail.
    let links: CaseLinks
    let version: Int
    let state: Label
    let assignee: String
    let unassigned: Bool
    let mine: Bool
    let ticket: TicketSummary
    let received: String
    /// A postmark long before the day of entry, awaiting a supervisor: the postmark and the entry, written out.
    let postmarkToConfirm: PostmarkNotice?
    let late, towed, vulnerable, escalated: Bool
    let statement: String
    let lateReason: String?
    let contactName: String
    let postalAddress: String
    let email: String?
    let mobile: String?
    let grounds: [Label]
    let photos: [EvidenceView]
    let documents: [EvidenceView]
    let hasEvidence: Bool
    /// One page of the timeline, newest first, with links to the pages around it when it is long.
    let timeline: [TimelineView]
    let timelineOlder: String?
    let timelineNewer: String?
    let timelineShowing: String?
    let deadlines: [DeadlineView]
    let otherCases: [OtherCase]
    let hasOtherCases: Bool
    let pending: PendingView?
    let decided: DecidedView?
    let can: Actions
    let decision: DecisionForm
    let reasonCodes: [ReasonChoice]
    let problems: Problems
    let hasErrors: Bool
    let message: String?
    let changedSinceRead: Bool
    /// What the citizen is told: the same partials as the status page, for reading to a caller.
    let script: StatusScript?
    /// The "Log this call" form.
    let call: CallPanel
    /// The contact correction form: as typed after a problem, else the details as they are.
    let contactForm: ContactFormView?
    /// For a supervisor: whom the case can go to, with how many cases each holds.
    let reviewers: [ReviewerChoice]
    let canAssign: Bool
    /// A requested hearing: when and where, and the form that sets it.
    let hearing: HearingPanel?
    /// The case's letters, newest first, each with its PDF once produced.
    let letters: [LetterLine]
    let hasLetters: Bool
    /// A letter came back undelivered: the address needs checking with the citizen.
    let returnedMail: String?
    /// Why the acknowledgement could not be sent, when it could not.
    let acknowledgementProblem: String?
    /// "Write to the citizen": the words as typed (kept after a problem, or to change them after the preview).
    var written = ""
    let writeLimit = WriteToCitizen.maximumLength
    /// What the citizen sent by e-mail or text, newest first; those nobody had opened before flagged new.
    var messages: [MessageLine] = []
    var unreadMessages = 0
    /// Flags for the template (a 0 would open a Mustache section).
    var hasMessages = false
    var hasUnread = false

    struct MessageLine: Sendable, Encodable {
        let received: String
        let byText: Bool
        let sender: String
        let subject: String
        /// Their own new words; the whole message (quoted history, signature) folded away.
        let newText: String
        let fullText: String
        let isNew: Bool
        let attachments: Int
        let hasAttachments: Bool
        /// An out-of-office answer or a mail server's failure report, not the citizen's words.
        let autoReply: Bool
    }

    struct PostmarkNotice: Sendable, Encodable {
        let postmark: String
        let entered: String
    }

    struct LetterLine: Sendable, Encodable {
        let id: String
        let pdf: String
        let kind: Label
        let status: String
        let when: String
        let hasFile: Bool
        let pages: String
    }
}
