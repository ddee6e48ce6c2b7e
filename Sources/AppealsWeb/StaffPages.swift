import AppealsDomain
import AppealsServices
import Foundation

// View models of the staff workspace: stored properties only; the words are in templates/staff/.

/// A ground with one flag per ground, so that its label lives in templates/partials/ground-label.mustache.
struct GroundLabel: Sendable, Encodable {
    let code: String
    let permitDisplayed, paidForParking, signsUnclear, vehicleStolen, notOwner, ticketDetailsWrong, vehicleBrokenDown,
        emergency, disabilityPlacard, other: Bool

    init(_ g: Ground) {
        code = g.rawValue
        permitDisplayed = g == .permitDisplayed
        paidForParking = g == .paidForParking
        signsUnclear = g == .signsUnclear
        vehicleStolen = g == .vehicleStolen
        notOwner = g == .notOwner
        ticketDetailsWrong = g == .ticketDetailsWrong
        vehicleBrokenDown = g == .vehicleBrokenDown
        emergency = g == .emergency
        disabilityPlacard = g == .disabilityPlacard
        other = g == .other
    }
}

/// A decision's reason code with one flag per code, for its words in templates/partials/reason-label.mustache.
struct ReasonLabel: Sendable, Encodable {
    let evidenceAccepted, signageInadequate, mitigatingCircumstances, proceduralError, contraventionOccurred, insufficientEvidence: Bool

    init(_ code: String) {
        evidenceAccepted = code == "evidence_accepted"
        signageInadequate = code == "signage_inadequate"
        mitigatingCircumstances = code == "mitigating_circumstances"
        proceduralError = code == "procedural_error"
        contraventionOccurred = code == "contravention_occurred"
        insufficientEvidence = code == "insufficient_evidence"
    }
}

/// A case state with one flag per state, for the state's words in templates/partials/state-label.mustache.
struct StateLabel: Sendable, Encodable {
    let code: String
    let submitted, inReview, awaitingCitizen, awaitingApproval, decided, hearingRequested, closed, withdrawn, deemedAccepted: Bool

    init(_ s: CaseState) {
        code = s.rawValue
        submitted = s == .submitted
        inReview = s == .inReview
        awaitingCitizen = s == .awaitingCitizen
        awaitingApproval = s == .awaitingApproval
        decided = s == .decided
        hearingRequested = s == .hearingRequested
        closed = s == .closed
        withdrawn = s == .withdrawn
        deemedAccepted = s == .deemedAccepted
    }
}

struct QueuePage: Sendable, Encodable {
    let nav: StaffNav
    let approvals: Bool
    let mine: Bool
    let team: Bool
    let rows: [Row]
    let empty: Bool
    let filtered: Bool
    let states: [Choice]
    let grounds: [Choice]
    let overdue: Bool
    let page: Int
    let previous: String?
    let next: String?

    struct Row: Sendable, Encodable {
        let reference: String
        let grouped: String
        let ticket: String
        let plate: String
        let state: StateLabel
        let grounds: [GroundLabel]
        let timeLeft: String
        let overdue: Bool
        let dueSoon: Bool
        let late, towed, vulnerable, repeatContact, escalated: Bool
        let index: Int
        let assignee: String
    }

    struct Choice: Sendable, Encodable {
        let value: String
        let selected: Bool
        let state: StateLabel?
        let ground: GroundLabel?
    }

    init(nav: StaffNav, filter: QueueFilter, rows: [QueueRow], hasMore: Bool, calendar: BusinessCalendar, now: Date) {
        self.nav = nav
        approvals = filter.view == .approvals
        mine = filter.view == .mine
        team = filter.view == .team
        let today = calendar.local(now).date
        self.rows = rows.enumerated().map { index, r in
            let due = r.nextDueAt.map { calendar.local($0).date }
            let overdue = r.nextDueAt.map { $0 < now } ?? false
            let left = due.map { calendar.businessDays(from: today, to: $0) }
            let timeLeft: String =
                switch (overdue, left) {
                case (true, _): "Overdue"
                case (false, 0?): "Due today"
                case (false, 1?): "1 business day"
                case (false, let days?): "\(days) business days"
                default: "No deadline running"
                }
            return Row(
                reference: r.reference.value, grouped: r.reference.grouped, ticket: r.ticketNumber.value, plate: r.plate,
                state: StateLabel(r.state), grounds: r.grounds.map(GroundLabel.init), timeLeft: timeLeft, overdue: overdue,
                dueSoon: !overdue && (left ?? 99) <= 2, late: r.late, towed: r.towed, vulnerable: r.vulnerable,
                repeatContact: r.repeatContact, escalated: r.escalated, index: index + 1, assignee: r.assignee?.value ?? "team queue")
        }
        empty = rows.isEmpty
        filtered = filter.state != nil || filter.ground != nil || filter.overdueOnly
        states = [CaseState.submitted, .inReview, .awaitingCitizen].map {
            Choice(value: $0.rawValue, selected: filter.state == $0, state: StateLabel($0), ground: nil)
        }
        grounds = Ground.allCases.map { Choice(value: $0.rawValue, selected: filter.ground == $0, state: nil, ground: GroundLabel($0)) }
        overdue = filter.overdueOnly
        page = filter.page
        func link(_ page: Int) -> String {
            var query = ["page=\(page)"]
            if filter.view == .team { query.append("view=team") }
            if let state = filter.state { query.append("state=\(state.rawValue)") }
            if let ground = filter.ground { query.append("ground=\(ground.rawValue)") }
            if filter.overdueOnly { query.append("overdue=1") }
            return (filter.view == .approvals ? "/staff/approvals?" : "/staff/queue?") + query.joined(separator: "&")
        }
        previous = filter.page > 1 ? link(filter.page - 1) : nil
        next = hasMore ? link(filter.page + 1) : nil
    }
}

/// The decision as the reviewer typed it: kept on every error and on the preview.
struct DecisionForm: Sendable, Encodable {
    var outcome = ""
    var amount = ""
    var reasonCode = ""
    var replies: [Reply]
    // For the radio buttons' `checked`.
    var outcomeCancelled = false
    var outcomeReduced = false
    var outcomeUpheld = false

    struct Reply: Sendable, Encodable {
        let ground: GroundLabel
        let text: String
        let missing: Bool
    }

    static let reasonCodes = [
        "evidence_accepted", "signage_inadequate", "mitigating_circumstances", "procedural_error",
        "contravention_occurred", "insufficient_evidence",
    ]

    init(grounds: [Ground]) {
        replies = grounds.map { Reply(ground: GroundLabel($0), text: "", missing: false) }
    }

    init(_ form: FormFields, grounds: [Ground]) {
        outcome = Outcome(rawValue: form["outcome"] ?? "")?.rawValue ?? ""
        amount = (form["amount"] ?? "").trimmingSpaces
        reasonCode = Self.reasonCodes.contains(form["reason_code"] ?? "") ? form["reason_code"]! : ""
        replies = grounds.map { g in
            let text = (form["reply_\(g.rawValue)"] ?? "").trimmingSpaces
            return Reply(ground: GroundLabel(g), text: text, missing: text.isEmpty)
        }
        (outcomeCancelled, outcomeReduced, outcomeUpheld) = (outcome == "cancelled", outcome == "reduced", outcome == "upheld")
    }

    /// Dollars and cents as typed ("45", "$45.5", "45.50"), at most $9,999,999.99: nil when not an amount.
    var amountCents: Int? {
        let parts = amount.replacingOccurrences(of: "$", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = RequestNumber.valid(parts[0], in: 0...9_999_999) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : "0"
        guard fraction.count <= 2, let cents = RequestNumber.valid(fraction.padding(toLength: 2, withPad: "0", startingAt: 0), in: 0...99)
        else { return nil }
        return whole * 100 + cents
    }

    func problems(ticketAmountCents: Int) -> CasePage.Problems {
        var problems = CasePage.Problems()
        problems.noOutcome = outcome.isEmpty
        if outcome == Outcome.reduced.rawValue {
            problems.badAmount = amountCents.map { $0 <= 0 || $0 >= ticketAmountCents } ?? true
        }
        problems.noReason = reasonCode.isEmpty
        problems.missingReplies = replies.contains { $0.missing }
        return problems
    }

    var draft: DecisionDraft {
        DecisionDraft(
            outcome: Outcome(rawValue: outcome) ?? .upheld,
            reducedAmountCents: outcome == Outcome.reduced.rawValue ? amountCents : nil, reasonCode: reasonCode,
            replies: Dictionary(uniqueKeysWithValues: replies.map { ($0.ground.code, $0.text) })
        )
    }
}

struct CasePage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let reference: String
    let grouped: String
    let version: Int
    let state: StateLabel
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
    let grounds: [GroundLabel]
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
    var reviewers: [ReviewerChoice] = []
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

    struct ReviewerChoice: Sendable, Encodable {
        let id: String
        let name: String
        let inHand: Int
    }

    struct Problems: Sendable, Encodable {
        var noOutcome = false
        var badAmount = false
        var noReason = false
        var missingReplies = false
        var messageMissing = false
        var noteMissing = false
        var any: Bool { noOutcome || badAmount || noReason || missingReplies || messageMissing || noteMissing }
    }

    /// One flag per ``CaseAction`` this person may take now (from ``CaseAccess``), for the page's buttons.
    struct Actions: Sendable, Encodable {
        let claim, release, startReview, requestInformation, decide, approve, returnDecision, assign, note: Bool
        /// Any of the buttons of the "Work on this case" panel.
        let any: Bool

        init(_ actions: Set<CaseAction>) {
            (claim, release, startReview, requestInformation) =
                (
                    actions.contains(.claim), actions.contains(.release), actions.contains(.startReview),
                    actions.contains(.requestInformation)
                )
            (decide, approve, returnDecision, assign, note) =
                (
                    actions.contains(.decide), actions.contains(.approve), actions.contains(.returnDecision), actions.contains(.assign),
                    actions.contains(.note)
                )
            any = claim || release || startReview || requestInformation || decide || approve
        }
    }

    struct EvidenceView: Sendable, Encodable {
        let name: String
        let size: String
        let thumbnail: String
        let display: String
        let download: String
        let original: String
        let pixels: String
        let pages: Int?
        let received: String
        let sha256: String
    }

    struct TimelineView: Sendable, Encodable {
        let when: String
        let channel: String
        let actor: String
        let what: String
        let summary: String?
        let isPublic: Bool
        let isNote: Bool
    }

    struct DeadlineView: Sendable, Encodable {
        let kind: String
        let status: String
        let explanation: String
        let overdue: Bool
    }

    struct OtherCase: Sendable, Encodable {
        let reference: String
        let grouped: String
        let state: StateLabel
    }

    struct PendingView: Sendable, Encodable {
        let outcome: String
        let amount: String?
        let reason: ReasonLabel
        let proposedBy: String
        let replies: [ReplyView]
    }

    struct DecidedView: Sendable, Encodable {
        let outcome: String
        let amountDue: String
        let reason: ReasonLabel
        let decidedBy: String
        let approvedBy: String?
        let replies: [ReplyView]
    }

    struct ReplyView: Sendable, Encodable {
        let ground: GroundLabel
        let text: String
    }

    struct ReasonChoice: Sendable, Encodable {
        let code: String
        let selected: Bool
        let reason: ReasonLabel
    }

    init(
        nav: StaffNav, loaded: LoadedCase, file: CaseFile, deadlines: [Deadline], files: [EvidenceRecord], account: StaffAccount,
        actions: Set<CaseAction>, now: Date, timeZone: TimeZone, decision: DecisionForm, problems: Problems, message: String?,
        changedSinceRead: Bool
    ) {
        let record = loaded.record
        let calendar = BusinessCalendar(timeZone: timeZone)
        func day(_ instant: Date) -> String { AppealController.longDate(calendar.local(instant).date) }
        func moment(_ instant: Date) -> String {
            let local = calendar.local(instant)
            let minutes = local.time.minutesSinceMidnight
            return "\(AppealController.longDate(local.date)), " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
        self.nav = nav
        csrf = nav.csrf
        reference = record.reference.value
        grouped = record.reference.grouped
        version = record.version
        state = StateLabel(record.state)
        assignee = record.assignee?.value ?? ""
        unassigned = record.assignee == nil
        mine = record.assignee == account.id
        ticket = TicketSummary(file.ticket, timeZone: timeZone)
        received = moment(record.receivedAt)
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
        grounds = record.grounds.map(GroundLabel.init)
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
                when: moment(e.at), channel: e.channel, actor: e.actor, what: TimelineWording.text(kind: e.kind, count: e.count),
                summary: e.summary, isPublic: e.isPublic, isNote: e.kind == "note")
        }
        self.deadlines = deadlines.map { d in
            let status: String
            var overdue = false
            switch d.status {
            case .running(let dueAt, _):
                overdue = dueAt < now
                status = overdue ? "Overdue since \(day(dueAt))" : "Due \(day(dueAt))"
            case .paused: status = "Paused while we wait for the citizen"
            case .met(let at): status = "Met \(day(at))"
            case .cancelled(let at): status = "No longer applies (since \(day(at)))"
            }
            return DeadlineView(
                kind: d.kind.rawValue.replacingOccurrences(of: "_", with: " ").capitalized, status: status,
                explanation: DeadlineWording.explain(d.explanation), overdue: overdue)
        }
        otherCases = file.otherCases.map {
            OtherCase(reference: $0.reference.value, grouped: $0.reference.grouped, state: StateLabel($0.state))
        }
        hasOtherCases = !file.otherCases.isEmpty
        func replies(_ map: [String: String]?) -> [ReplyView] {
            record.grounds.map { ReplyView(ground: GroundLabel($0), text: map?[$0.rawValue] ?? "") }
        }
        pending = record.pendingDecision.map { p in
            PendingView(
                outcome: p.draft.outcome.rawValue, amount: p.draft.reducedAmountCents.map(Money.dollars),
                reason: ReasonLabel(p.draft.reasonCode), proposedBy: p.proposedBy.value, replies: replies(p.draft.replies))
        }
        decided = record.decision.map { d in
            DecidedView(
                outcome: d.outcome.rawValue, amountDue: Money.dollars(d.amountDueCents), reason: ReasonLabel(d.reasonCode),
                decidedBy: d.decidedBy?.value ?? "", approvedBy: d.approvedBy?.value, replies: replies(d.replies))
        }
        can = Actions(actions)
        self.decision = decision
        reasonCodes = DecisionForm.reasonCodes.map { ReasonChoice(code: $0, selected: $0 == decision.reasonCode, reason: ReasonLabel($0)) }
        self.problems = problems
        hasErrors = problems.any
        self.message = message
        self.changedSinceRead = changedSinceRead
    }
}

/// What the decision letter will say, before the reviewer confirms it.
struct DecisionPreviewPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let reference: String
    let grouped: String
    let version: Int
    let contactName: String
    let postalAddress: String
    let ticket: TicketSummary
    let cancelled, reduced, upheld: Bool
    let amount: String
    let reasonCode: String
    let replies: [DecisionForm.Reply]
    let outcome: String
    let rawAmount: String

    init(nav: StaffNav, loaded: LoadedCase, file: CaseFile, form: DecisionForm, timeZone: TimeZone) {
        self.nav = nav
        csrf = nav.csrf
        reference = loaded.record.reference.value
        grouped = loaded.record.reference.grouped
        version = loaded.record.version
        contactName = file.appeal?.contactName ?? ""
        postalAddress = file.appeal?.postalAddress ?? ""
        ticket = TicketSummary(file.ticket, timeZone: timeZone)
        cancelled = form.outcome == Outcome.cancelled.rawValue
        reduced = form.outcome == Outcome.reduced.rawValue
        upheld = form.outcome == Outcome.upheld.rawValue
        amount = form.amountCents.map(Money.dollars) ?? ""
        reasonCode = form.reasonCode
        replies = form.replies
        outcome = form.outcome
        rawAmount = form.amount
    }
}
