import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

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
    /// On the approvals page: paper appeals whose postmark awaits confirmation.
    var postmarks: [PostmarkRow] = [] { didSet { hasPostmarks = !postmarks.isEmpty } }
    private(set) var hasPostmarks = false

    struct PostmarkRow: Sendable, Encodable {
        let reference: String
        let grouped: String
        let link: String
        let confirm: String
        let postmark: String
        let entered: String
        let enteredBy: String
        let scan: Scan?
        let scanIsDocument: Bool
        /// This supervisor entered it: another must confirm it.
        let mine: Bool

        init(_ item: PostmarkToConfirm, viewer: StaffID, calendar: BusinessCalendar) {
            reference = item.reference.value
            grouped = item.reference.grouped
            link = StaffURL.case(.value(item.reference)).path
            confirm = StaffURL.caseForm(.value(item.reference), .postmark).path
            postmark = LongDate.text(calendar.localDate(item.postmark))
            entered = LongDate.moment(item.enteredAt, calendar)
            enteredBy = item.enteredByName ?? item.enteredBy.value
            scan = item.scan.map(Scan.init)
            scanIsDocument = item.scanIsDocument
            mine = item.enteredBy == viewer
        }
    }

    /// The scanned envelope or letter, opened as staff open evidence.
    struct Scan: Sendable, Encodable {
        let display, document, thumbnail: String

        init(_ id: EvidenceID) {
            display = StaffURL.evidence(.value(id), .display).path
            document = StaffURL.evidence(.value(id), .document).path
            thumbnail = StaffURL.evidence(.value(id), .thumbnail).path
        }
    }

    struct Row: Sendable, Encodable {
        let reference: String
        let grouped: String
        let link: String
        let ticket: String
        let plate: String
        let state: Label
        let grounds: [Label]
        let timeLeft: String
        let overdue: Bool
        let dueSoon: Bool
        let late, towed, vulnerable, repeatContact, escalated: Bool
        var newMessage = false
        let index: Int
        let assignee: String
    }

    struct Choice: Sendable, Encodable {
        let value: String
        let selected: Bool
        let state: Label?
        let ground: Label?
    }

    init(nav: StaffNav, filter: QueueFilter, rows: [QueueRow], hasMore: Bool, calendar: BusinessCalendar, now: Date) {
        self.nav = nav
        approvals = filter.view == .approvals
        mine = filter.view == .mine
        team = filter.view == .team
        self.rows = Self.rows(rows, calendar: calendar, now: now)
        empty = rows.isEmpty
        filtered = filter.state != nil || filter.ground != nil || filter.overdueOnly
        states = [CaseState.submitted, .inReview, .awaitingCitizen].map {
            Choice(value: $0.rawValue, selected: filter.state == $0, state: Label($0), ground: nil)
        }
        grounds = Ground.allCases.map { Choice(value: $0.rawValue, selected: filter.ground == $0, state: nil, ground: Label($0)) }
        overdue = filter.overdueOnly
        page = filter.page
        func link(_ page: Int) -> String {
            var query = ["page=\(page)"]
            if filter.view == .team { query.append("view=team") }
            if let state = filter.state { query.append("state=\(state.rawValue)") }
            if let ground = filter.ground { query.append("ground=\(ground.rawValue)") }
            if filter.overdueOnly { query.append("overdue=1") }
            return (filter.view == .approvals ? StaffURL.approvals : StaffURL.queue).path(query: query.joined(separator: "&"))
        }
        previous = filter.page > 1 ? link(filter.page - 1) : nil
        next = hasMore ? link(filter.page + 1) : nil
    }

    /// The rows of any list of cases: time left to the next deadline, flags, who has it.
    static func rows(_ rows: [QueueRow], calendar: BusinessCalendar, now: Date) -> [Row] {
        let today = calendar.local(now).date
        return rows.enumerated().map { index, r in
            let due = r.nextDueAt.map { calendar.local($0).date }
            let overdue = r.nextDueAt.map { $0 < now } ?? false
            let left = due.map { calendar.businessDays(from: today, to: $0) }
            let timeLeft: String =
                switch (overdue, left) {
                case (true, _): Catalogue.english(StaffWords.overdue)
                case (false, 0?): Catalogue.english(StaffWords.dueToday)
                case (false, 1?): Catalogue.english(StaffWords.oneBusinessDay)
                case (false, let days?): Catalogue.english(StaffWords.businessDays, ["count": "\(days)"])
                default: Catalogue.english(StaffWords.noDeadline)
                }
            var row = Row(
                reference: r.reference.value, grouped: r.reference.grouped, link: StaffURL.case(.value(r.reference)).path,
                ticket: r.ticketNumber.value, plate: r.plate,
                state: Label(r.state), grounds: r.grounds.map(Label.init), timeLeft: timeLeft, overdue: overdue,
                dueSoon: !overdue && (left ?? 99) <= 2, late: r.late, towed: r.towed, vulnerable: r.vulnerable,
                repeatContact: r.repeatContact, escalated: r.escalated, index: index + 1,
                assignee: r.assignee?.value ?? Catalogue.english(StaffWords.teamQueue))
            row.newMessage = r.newMessage
            return row
        }
    }
}
