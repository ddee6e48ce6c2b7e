import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The case page's panels: evidence, timeline, deadlines, decisions and letters.
extension CasePageBuilder {
    var evidence: (photos: [CasePage.EvidenceView], documents: [CasePage.EvidenceView]) {
        let views = facts.evidence.map { f in
            CasePage.EvidenceView(
                name: f.originalName, size: EvidenceItem.size(f.original.byteSize),
                thumbnail: StaffURL.evidence(.value(f.id), .thumbnail).path, display: StaffURL.evidence(.value(f.id), .display).path,
                download: StaffURL.evidence(.value(f.id), .document).path, original: StaffURL.evidence(.value(f.id), .original).path,
                pixels: f.pixelWidth.map { Catalogue.english(CaseWords.pixels, ["width": "\($0)", "height": "\(f.pixelHeight ?? 0)"]) }
                    ?? "", pages: f.pageCount,
                received: moment(f.receivedAt), sha256: f.original.sha256
            )
        }
        let files = zip(facts.evidence, views)
        return (files.filter { $0.0.kind == .photo }.map(\.1), files.filter { $0.0.kind == .pdf }.map(\.1))
    }

    /// Page `number` (from 1, the newest) of the timeline, with links to the pages around it when there are several.
    func timelinePage(_ number: Int) -> (entries: [CasePage.TimelineView], older: String?, newer: String?, showing: String?) {
        let entries = facts.file.timeline.reversed().map { e in
            CasePage.TimelineView(
                when: moment(e.at), channel: Label(Channel(rawValue: e.channel) ?? .system), actor: e.actor, kind: Label(e.kind),
                count: e.count, once: e.count == 1, summary: e.summary, isPublic: e.isPublic, isNote: e.kind == .interaction(.note),
                call: e.call.map { CasePage.CallView(reason: Label($0.reason), outcome: Label($0.outcome), resolved: $0.resolvedOnCall) })
        }
        let size = Self.timelinePageSize
        guard entries.count > size else { return (entries, nil, nil, nil) }
        let pages = (entries.count + size - 1) / size
        let page = min(max(number, 1), pages)
        let start = (page - 1) * size
        let end = min(start + size, entries.count)
        let casePage = StaffURL.case(.value(record.reference))
        return (
            Array(entries[start..<end]),
            page < pages ? casePage.path(query: "timeline=\(page + 1)", fragment: "timeline") : nil,
            page > 1 ? casePage.path(query: "timeline=\(page - 1)", fragment: "timeline") : nil,
            Catalogue.english(CaseWords.timelineEntries, ["first": "\(start + 1)", "last": "\(end)", "count": "\(entries.count)"])
        )
    }

    var deadlines: [CasePage.DeadlineView] {
        facts.deadlines.map { d in
            let status: String
            var overdue = false
            switch d.status {
            case .running(let dueAt, _):
                overdue = dueAt < facts.now
                // The due day as the explanation counts it (the instant is the end of that day, past midnight).
                let due = d.explanation.due.map(LongDate.text) ?? day(dueAt)
                status = Catalogue.english(overdue ? CaseWords.overdueSince : .due, ["day": due])
            case .paused: status = Catalogue.english(CaseWords.paused)
            case .met(let at): status = Catalogue.english(CaseWords.met, ["day": day(at)])
            case .cancelled(let at): status = Catalogue.english(CaseWords.noLongerApplies, ["day": day(at)])
            }
            return CasePage.DeadlineView(
                kind: Label(d.kind), status: status, explanation: DeadlineWording.explain(d.explanation), overdue: overdue)
        }
    }

    func replies(_ map: [String: String]?) -> [CasePage.ReplyView] {
        record.grounds.map { CasePage.ReplyView(ground: Label($0), text: map?[$0.rawValue] ?? "") }
    }

    var pending: CasePage.PendingView? {
        record.pendingDecision.map { p in
            CasePage.PendingView(
                outcome: p.draft.outcome.rawValue, amount: p.draft.reducedAmountCents.map(Money.dollars),
                reason: p.draft.reasonCode.map(Label.init), proposedBy: p.proposedBy.value, replies: replies(p.draft.replies))
        }
    }

    var decided: CasePage.DecidedView? {
        record.decision.map { d in
            CasePage.DecidedView(
                outcome: d.outcome.rawValue, amountDue: Money.dollars(d.amountDueCents), reason: Label(d.reasonCode),
                decidedBy: d.decidedBy?.value ?? "", approvedBy: d.approvedBy?.value, replies: replies(d.replies))
        }
    }

    var letterLines: [CasePage.LetterLine] {
        facts.letters.map {
            CasePage.LetterLine(
                id: $0.id.value, pdf: StaffURL.letter(.value($0.id), .pdf).path, kind: Label($0.kind), status: Self.status(of: $0),
                when: LongDate.moment($0.queuedAt, facts.calendar), hasFile: $0.file != nil,
                pages: $0.pages == 1
                    ? Catalogue.english(CaseWords.onePage) : Catalogue.english(CaseWords.pages, ["count": "\($0.pages ?? 0)"]))
        }
    }

    /// "Posted on 3 March 2026", "Returned undelivered: Moved away".
    static func status(of letter: LetterRecord) -> String {
        var text = letter.status.text
        if let day = letter.postedOn { text = Catalogue.english(CaseWords.letterStatusOn, ["status": text, "day": LongDate.text(day)]) }
        for why in [letter.returnReason, letter.problem].compactMap({ $0 }) {
            text = Catalogue.english(CaseWords.letterWhy, ["status": text, "why": why])
        }
        return text
    }

    /// A letter came back undelivered: the address needs checking with the citizen.
    var returnedMail: String? {
        facts.letters.first { $0.status == .returned }.map { Catalogue.english(CaseWords.returnedMail, ["reason": $0.returnReason ?? ""]) }
    }

    /// Why the acknowledgement could not be sent: its letter failed, or its message did (it then goes by letter).
    var acknowledgementProblem: String? {
        facts.letters.first { $0.kind == .acknowledgement && $0.status == .failed }
            .map { Catalogue.english(CaseWords.acknowledgementFailed, ["problem": $0.problem ?? ""]) }
            ?? facts.failedMessages.first { $0.kind == .acknowledgement }
            .map { Catalogue.english(CaseWords.acknowledgementMessageFailed, ["problem": $0.lastError ?? ""]) }
    }
}
