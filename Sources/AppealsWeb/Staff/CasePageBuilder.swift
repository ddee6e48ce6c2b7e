import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// Builds the case page from the workspace's facts for one viewer: the words, the links and the choices. Nothing
/// is read here; every fact comes in ``CaseWorkspace/Facts``.
struct CasePageBuilder {
    let facts: CaseWorkspace.Facts
    let viewer: StaffAccount
    let access: CaseAccess
    let timeZone: TimeZone

    /// Long timelines are shown this many entries at a time, newest first.
    static let timelinePageSize = 50

    var record: Case { facts.record }
    /// Days and times as the page shows them, in the authority's time zone.
    var display: BusinessCalendar { BusinessCalendar(timeZone: timeZone) }

    func page(nav: StaffNav, state: CasePageState = .init()) -> CasePage {
        let appeal = facts.file.appeal
        let decision = state.decision ?? DecisionForm(grounds: record.grounds)
        let can = CasePage.Actions(access.availableActions(record, viewer))
        let reviewers = reviewerChoices
        let timeline = timelinePage(state.timelinePage)
        let letters = letterLines
        let files = evidence
        var page = CasePage(
            nav: nav, csrf: nav.csrf, reference: record.reference.value, grouped: record.reference.grouped,
            links: CaseLinks(record.reference), version: record.version,
            state: Label(record.state), assignee: facts.file.assigneeName ?? record.assignee?.value ?? "",
            unassigned: record.assignee == nil, mine: record.assignee == viewer.id,
            ticket: TicketSummary(facts.file.ticket, timeZone: timeZone), received: moment(record.receivedAt),
            postmarkToConfirm: postmarkNotice, late: record.late, towed: record.towed, vulnerable: record.vulnerable,
            escalated: record.escalated, statement: appeal?.statement ?? "", lateReason: appeal?.lateReason,
            contactName: appeal?.contactName ?? "", postalAddress: appeal?.postalAddress ?? "", email: appeal?.email,
            mobile: appeal?.mobile, grounds: record.grounds.map(Label.init), photos: files.photos, documents: files.documents,
            hasEvidence: !facts.evidence.isEmpty, timeline: timeline.entries, timelineOlder: timeline.older,
            timelineNewer: timeline.newer, timelineShowing: timeline.showing, deadlines: deadlines, otherCases: otherCases,
            hasOtherCases: !facts.file.otherCases.isEmpty, pending: pending, decided: decided, can: can, decision: decision,
            reasonCodes: ReasonCode.reviewerChoices.map {
                CasePage.ReasonChoice(code: $0.rawValue, selected: $0.rawValue == decision.reasonCode, reason: Label($0))
            },
            problems: state.problems, hasErrors: state.problems.any, message: state.message, changedSinceRead: state.changedSinceRead,
            script: facts.status.map { StatusScript($0, timeZone: timeZone) }, call: state.call ?? CallPanel(),
            contactForm: state.contactForm ?? contactForm, reviewers: reviewers, canAssign: !reviewers.isEmpty && can.assign,
            hearing: state.hearing ?? hearingPanel, letters: letters, hasLetters: !letters.isEmpty, returnedMail: returnedMail,
            acknowledgementProblem: acknowledgementProblem)
        page.messages = facts.messages.map { message in
            CasePage.MessageLine(
                received: moment(message.receivedAt), byText: message.channel == .sms, sender: message.sender, subject: message.subject,
                newText: message.newText.isEmpty ? message.subject : message.newText, fullText: message.fullText,
                isNew: facts.unread.contains(message.id), attachments: message.attachments, hasAttachments: message.attachments > 0,
                autoReply: message.disposition == .autoReply || message.disposition == .bounce)
        }
        page.unreadMessages = facts.unread.count
        page.hasMessages = !page.messages.isEmpty
        page.hasUnread = !facts.unread.isEmpty
        return page
    }

    func day(_ instant: Date) -> String { LongDate.text(display.local(instant).date) }

    func moment(_ instant: Date) -> String { LongDate.moment(instant, display) }

    var postmarkNotice: CasePage.PostmarkNotice? {
        guard record.postmarkEnteredBy != nil else { return nil }
        return CasePage.PostmarkNotice(postmark: LongDate.text(display.localDate(record.receivedAt)), entered: moment(record.enteredAt))
    }

    /// For a supervisor: everyone the case can go to but its holder.
    var reviewerChoices: [CasePage.ReviewerChoice] {
        facts.team.filter { $0.id != record.assignee }.map { CasePage.ReviewerChoice(id: $0.id.value, name: $0.name, inHand: $0.inHand) }
    }

    /// The contact correction form, filled in with the details as they are.
    var contactForm: CasePage.ContactFormView? {
        facts.file.appeal.map {
            let fields = AddressFields($0)
            return CasePage.ContactFormView(
                ContactCorrection(
                    name: $0.contactName, address: fields.address, email: $0.email ?? "", mobile: $0.mobile ?? "",
                    channel: $0.preferredChannel.rawValue),
                fields: fields)
        }
    }

    /// The hearing panel of a case waiting for its hearing.
    var hearingPanel: HearingPanel? {
        guard facts.awaitsHearing else { return nil }
        return HearingPanel(current: facts.hearing, canSchedule: viewer.roles.contains(.supervisor), calendar: facts.calendar)
    }

    var otherCases: [CasePage.OtherCase] {
        facts.file.otherCases.map {
            CasePage.OtherCase(
                reference: $0.reference.value, grouped: $0.reference.grouped, link: StaffURL.case(.value($0.reference)).path,
                state: Label($0.state))
        }
    }
}
