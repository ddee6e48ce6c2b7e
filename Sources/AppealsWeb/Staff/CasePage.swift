import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

struct CasePage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let reference: String
    let grouped: String
    let version: Int
    let state: Label
    let assignee: String
    let unassigned: Bool
    let mine: Bool
    let ticket: TicketSummary
    let received: String
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
    private(set) var timeline: [TimelineView]
    /// Long timelines are shown `timelinePageSize` entries at a time, newest first.
    var timelineOlder: String?
    var timelineNewer: String?
    var timelineShowing: String?
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
    /// For a supervisor: whom the case can go to, with how many cases each holds.
    /// What the citizen is told: the same partials as the status page, for reading to a caller.
    var script: StatusScript?
    /// The "Log this call" form.
    var call = CallPanel()
    /// The contact correction form: as typed after a problem, else the details as they are.
    var contactForm: ContactFormView?
    var reviewers: [ReviewerChoice] = []
    /// A requested hearing: when and where, and the form that sets it.
    var hearing: HearingPanel?
    /// The case's letters, newest first, each with its PDF once produced.
    var letters: [LetterLine] = []
    var hasLetters = false
    /// A letter came back undelivered: the address needs checking with the citizen.
    var returnedMail: String?
    /// Why the acknowledgement could not be sent, when it could not.
    var acknowledgementProblem: String?
    /// A postmark long before the day of entry, awaiting a supervisor: the postmark and the entry, written out.
    var postmarkToConfirm: PostmarkNotice?

    struct PostmarkNotice: Sendable, Encodable {
        let postmark: String
        let entered: String
    }

    struct LetterLine: Sendable, Encodable {
        let id: String
        let kind: String
        let status: String
        let when: String
        let hasFile: Bool
        let pages: String
    }

    /// The letters' lines and the flags they raise.
    mutating func show(_ records: [LetterRecord], failedMessages: [OutboxMessage], calendar: BusinessCalendar) {
        letters = records.map {
            LetterLine(
                id: $0.id.value, kind: LetterWording.name($0.kind),
                status: $0.status.text + ($0.postedOn.map { " on \(LongDate.text($0))" } ?? "")
                    + ($0.returnReason.map { ": \($0)" } ?? "") + ($0.problem.map { ": \($0)" } ?? ""),
                when: LongDate.moment($0.queuedAt, calendar), hasFile: $0.file != nil,
                pages: $0.pages == 1 ? "1 page" : "\($0.pages ?? 0) pages")
        }
        hasLetters = !records.isEmpty
        returnedMail = records.first { $0.status == .returned }.map { "A letter came back undelivered: \($0.returnReason ?? "")" }
        acknowledgementProblem =
            records.first { $0.kind == .acknowledgement && $0.status == .failed }
            .map { "The acknowledgement could not be sent: \($0.problem ?? "")" }
            ?? failedMessages.first { $0.kind == .acknowledgement }
            .map { "The acknowledgement message could not be sent (\($0.lastError ?? "")), so it goes by letter instead" }
    }
    var canAssign = false

    static let timelinePageSize = 50

    /// Keeps page `number` (from 1, the newest) of the timeline, with links to the pages around it.
    mutating func showTimelinePage(_ number: Int) {
        let size = Self.timelinePageSize
        guard timeline.count > size else { return }
        let pages = (timeline.count + size - 1) / size
        let page = min(max(number, 1), pages)
        let start = (page - 1) * size
        let end = min(start + size, timeline.count)
        timelineShowing = "Entries \(start + 1) to \(end) of \(timeline.count), newest first"
        timelineOlder = page < pages ? "/staff/cases/\(reference)?timeline=\(page + 1)#timeline" : nil
        timelineNewer = page > 1 ? "/staff/cases/\(reference)?timeline=\(page - 1)#timeline" : nil
        timeline = Array(timeline[start..<end])
    }

    init(
        nav: StaffNav, loaded: LoadedCase, file: CaseFile, deadlines: [Deadline], files: [EvidenceRecord], account: StaffAccount,
        actions: Set<CaseAction>, now: Date, timeZone: TimeZone, decision: DecisionForm, problems: Problems, message: String?,
        changedSinceRead: Bool
    ) {
        let record = loaded.record
        let calendar = BusinessCalendar(timeZone: timeZone)
        func day(_ instant: Date) -> String { LongDate.text(calendar.local(instant).date) }
        func moment(_ instant: Date) -> String {
            let local = calendar.local(instant)
            let minutes = local.time.minutesSinceMidnight
            return "\(LongDate.text(local.date)), " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
        self.nav = nav
        csrf = nav.csrf
        reference = record.reference.value
        grouped = record.reference.grouped
        version = record.version
        state = Label(record.state)
        assignee = file.assigneeName ?? record.assignee?.value ?? ""
        unassigned = record.assignee == nil
        mine = record.assignee == account.id
        ticket = TicketSummary(file.ticket, timeZone: timeZone)
        received = moment(record.receivedAt)
        if record.postmarkEnteredBy != nil {
            postmarkToConfirm = PostmarkNotice(
                postmark: LongDate.text(BusinessCalendar(timeZone: timeZone).localDate(record.receivedAt)),
                entered: moment(record.enteredAt))
        }
        late = record.late
        towed = record.towed
        vulnerable = record.vulnerable
        escalated = record.escalated
        statement = file.appeal?.statement ?? ""
        lateReason = file.appeal?.lateReason
        contactName = file.appeal?.contactName ?? ""
        postalAddress = file.appeal?.postalAddress ?? ""
        email = file.appeal?.email
        mobile = file.appeal?.mobile
        grounds = record.grounds.map(Label.init)
        let views = files.map { f in
            EvidenceView(
                name: f.originalName, size: EvidenceItem.size(f.original.byteSize),
                thumbnail: "/staff/evidence/\(f.id.value)/thumbnail", display: "/staff/evidence/\(f.id.value)/display",
                download: "/staff/evidence/\(f.id.value)/document", original: "/staff/evidence/\(f.id.value)/original",
                pixels: f.pixelWidth.map { "\($0) × \(f.pixelHeight ?? 0) px" } ?? "", pages: f.pageCount,
                received: moment(f.receivedAt), sha256: f.original.sha256
            )
        }
        photos = zip(files, views).filter { $0.0.kind == .photo }.map(\.1)
        documents = zip(files, views).filter { $0.0.kind == .pdf }.map(\.1)
        hasEvidence = !files.isEmpty
        timeline = file.timeline.reversed().map { e in
            TimelineView(
                when: moment(e.at), channel: Label(Channel(rawValue: e.channel) ?? .system), actor: e.actor, kind: Label(e.kind),
                count: e.count, once: e.count == 1,
                summary: e.summary, isPublic: e.isPublic, isNote: e.kind == .interaction(.note),
                call: e.call.map { CallView(reason: Label($0.reason), outcome: Label($0.outcome), resolved: $0.resolvedOnCall) })
        }
        self.deadlines = deadlines.map { d in
            let status: String
            var overdue = false
            switch d.status {
            case .running(let dueAt, _):
                overdue = dueAt < now
                // The due day as the explanation counts it (the instant is the end of that day, past midnight).
                let due = d.explanation.due.map(LongDate.text) ?? day(dueAt)
                status = overdue ? "Overdue since \(due)" : "Due \(due)"
            case .paused: status = "Paused while we wait for the citizen"
            case .met(let at): status = "Met \(day(at))"
            case .cancelled(let at): status = "No longer applies (since \(day(at)))"
            }
            return DeadlineView(
                kind: Label(d.kind), status: status,
                explanation: DeadlineWording.explain(d.explanation), overdue: overdue)
        }
        otherCases = file.otherCases.map {
            OtherCase(reference: $0.reference.value, grouped: $0.reference.grouped, state: Label($0.state))
        }
        hasOtherCases = !file.otherCases.isEmpty
        func replies(_ map: [String: String]?) -> [ReplyView] {
            record.grounds.map { ReplyView(ground: Label($0), text: map?[$0.rawValue] ?? "") }
        }
        pending = record.pendingDecision.map { p in
            PendingView(
                outcome: p.draft.outcome.rawValue, amount: p.draft.reducedAmountCents.map(Money.dollars),
                reason: p.draft.reasonCode.map(Label.init), proposedBy: p.proposedBy.value, replies: replies(p.draft.replies))
        }
        decided = record.decision.map { d in
            DecidedView(
                outcome: d.outcome.rawValue, amountDue: Money.dollars(d.amountDueCents), reason: Label(d.reasonCode),
                decidedBy: d.decidedBy?.value ?? "", approvedBy: d.approvedBy?.value, replies: replies(d.replies))
        }
        can = Actions(actions)
        self.decision = decision
        reasonCodes = ReasonCode.reviewerChoices.map {
            ReasonChoice(code: $0.rawValue, selected: $0.rawValue == decision.reasonCode, reason: Label($0))
        }
        self.problems = problems
        hasErrors = problems.any
        self.message = message
        self.changedSinceRead = changedSinceRead
    }
}
