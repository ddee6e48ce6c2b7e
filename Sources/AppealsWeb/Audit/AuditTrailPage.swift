import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

struct AuditTrailPage: Sendable, Encodable {
    let nav: StaffNav
    let caseText, actor, fromText, toText: String
    let caseProblem, fromProblem, toProblem: String?
    let hasProblem: Bool
    let kinds: [Kind]
    let rows: [Row]
    let empty: Bool
    let filtered: Bool
    let page: Int
    let previous: String?
    let next: String?
    let verification: Verification?
    let caseLink: String?

    struct Kind: Sendable, Encodable {
        let value: String
        let selected: Bool
    }

    struct Row: Sendable, Encodable {
        let seq: Int
        let when: String
        let actor: String
        let event: String
        let reference: String?
        let grouped: String?
        /// The trail of this event's case alone.
        let caseTrail: String?
        let change: String?
        let note: String?
        /// The event's words are a case's contents this person may not read (``AuditTrailController``).
        let withheld: Bool
        let requestID: String?
    }

    struct Verification: Sendable, Encodable {
        let intact: Bool
        let text: String
        let took: String
    }

    init(
        nav: StaffNav, form: AuditFilterForm, kinds: [String], events: [AuditRecord], page: Int, perPage: Int, calendar: BusinessCalendar,
        verification: Verification?, mayRead: (CaseReference) -> Bool
    ) {
        self.nav = nav
        (caseText, actor, fromText, toText) = (form.caseText, form.actor, form.fromText, form.toText)
        (caseProblem, fromProblem, toProblem) = (form.caseProblem, form.fromProblem, form.toProblem)
        hasProblem = form.hasProblem
        self.kinds = kinds.map { Kind(value: $0, selected: $0 == form.event) }
        rows = events.prefix(perPage).map { e in
            let withheld = e.caseReference.map { !mayRead($0) } ?? false
            return Row(
                seq: e.seq, when: LongDate.moment(e.at, calendar),
                actor: e.actorID.map { "\($0) (\(e.actorRole.replacingOccurrences(of: "_", with: " ")))" } ?? e.actorRole,
                event: e.event.replacingOccurrences(of: "_", with: " "), reference: e.caseReference?.value,
                grouped: e.caseReference?.grouped, caseTrail: e.caseReference.map { StaffURL.audit.path(query: "case=\($0.value)") },
                change: e.from.flatMap { from in e.to.map { from == $0 ? nil : "\(from) → \($0)" } ?? nil }?
                    .replacingOccurrences(of: "_", with: " "),
                note: withheld ? nil : [e.reason, e.detail].compactMap { $0 }.joined(separator: " · ").nilIfEmpty,
                withheld: withheld && (e.reason != nil || e.detail != nil), requestID: e.requestID)
        }
        empty = events.isEmpty
        filtered = !form.query.isEmpty
        self.page = page
        let query = FigureLink.encode(form.query)
        func link(_ page: Int) -> String { StaffURL.audit.path(query: (query.isEmpty ? "" : query + "&") + "page=\(page)") }
        previous = page > 1 ? link(page - 1) : nil
        next = events.count > perPage ? link(page + 1) : nil
        self.verification = verification
        caseLink = form.filter.caseReference.map { StaffURL.case(.value($0)).path }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
