import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// Supervisors: everyone's load, the breach and warning lists, reassigning one case or many, and confirming old postmarks.
extension CaseWorkController {
    func addSupervisionRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.team, roles: [.supervisor]) { request, context, account in
            try await teamPage(account, context, done: try RequestNumber.parse(request.uri.queryParameters["moved"], in: 0...10_000))
        }
        routes.post(StaffURL.reassign, roles: [.supervisor]) { _, context, account in
            let form = try context.form(ReassignForm.self)
            let to = form.to.flatMap { $0.isEmpty ? nil : StaffID($0) }
            let references = (form.cases ?? []).compactMap(CaseReference.init)
            guard !references.isEmpty, let to, try await work.team.takesCases(to) else {
                return try await teamPage(account, context, problem: true)
            }
            var moved = 0
            var refused: [String] = []
            for reference in references {
                do {
                    try await work.engine.apply(.assign(to), to: reference, by: account.actor(as: .supervisor), requestID: context.id)
                    moved += 1
                } catch let error as WorkflowError {
                    refused.append("\(reference.grouped): \(WorkflowMessages.text(for: error, timeZone: timeZone))")
                }
            }
            guard refused.isEmpty else { return try await teamPage(account, context, done: moved, refused: refused) }
            return Response.redirect(to: StaffURL.team.path(query: "moved=\(moved)"), type: .found)
        }
        routes.post(StaffURL.caseForm(.key, .assign), roles: [.supervisor]) { _, context, account in
            guard let to = try context.form(CaseActionForm.self).to.flatMap({ $0.isEmpty ? nil : StaffID($0) }) else {
                throw RequestError.malformed
            }
            return try await act(.assign(to), .assign, context, account)
        }
        // A postmark long before the day of entry, confirmed (or not) by a supervisor other than the one who entered it.
        routes.post(StaffURL.caseForm(.key, .postmark), roles: [.supervisor]) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let decision = try context.form(PostmarkForm.self).decision
            guard decision == "confirm" || decision == "reject" else { throw RequestError.malformed }
            do {
                try await work.engine.reviewPostmark(
                    loaded.record.reference, confirmed: decision == "confirm", by: account.actor(as: .supervisor), expectedVersion: nil,
                    requestID: context.id)
            } catch PostmarkReviewError.enteredItYourself {
                throw AppError.notPermitted
            } catch PostmarkReviewError.nothingToConfirm {
                // Confirmed a moment ago by someone else (or a second press): the list shows what is left.
            }
            return Response.redirect(to: StaffURL.approvals.path(fragment: "postmarks"), type: .found)
        }
    }

    func teamPage(
        _ account: StaffAccount, _ context: AppRequestContext, done: Int? = nil, refused: [String] = [],
        problem: Bool = false
    ) async throws -> Response {
        let team = try await work.team()
        var nav = nav(account, context)
        nav.onTeam = true
        func rows(_ list: [QueueRow]) -> [QueuePage.Row] {
            QueuePage(
                nav: nav, filter: QueueFilter(view: .team, staff: account.id, now: team.now), rows: list, hasMore: false,
                calendar: team.calendar, now: team.now
            ).rows
        }
        let page = TeamPage(
            nav: nav, csrf: context.csrfToken,
            load: team.load.map {
                .init(id: $0.id.value, name: $0.name, inHand: $0.inHand, overdue: $0.overdue, hasOverdue: $0.overdue > 0)
            },
            breached: rows(team.breached), warning: rows(team.warning), moved: done, refused: refused, hasRefused: !refused.isEmpty,
            problem: problem, noBreached: team.breached.isEmpty, noWarning: team.warning.isEmpty,
            letters: team.letters.map {
                .init(
                    reference: $0.reference.value, grouped: $0.reference.grouped, link: StaffURL.case(.value($0.reference)).path,
                    letter: Label($0.kind), message: nil,
                    problem: $0.status == .failed
                        ? Catalogue.english(CaseWords.couldNotBeProduced, ["problem": $0.problem ?? ""])
                        : Catalogue.english(CaseWords.returnedUndelivered, ["reason": $0.returnReason ?? ""]))
            }
                + team.failedMessages.compactMap { message in
                    message.reference.map {
                        .init(
                            reference: $0.value, grouped: $0.grouped, link: StaffURL.case(.value($0)).path,
                            letter: nil, message: Label(message.kind),
                            problem: Catalogue.english(CaseWords.couldNotBeSent, ["problem": message.lastError ?? ""]))
                    }
                }
        )
        return try pages.render(
            "staff/team", page: page, context: context, status: problem || !refused.isEmpty ? .unprocessableContent : .ok)
    }
}

struct TeamPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let load: [Reviewer]
    let breached: [QueuePage.Row]
    let warning: [QueuePage.Row]
    let moved: Int?
    let refused: [String]
    let hasRefused: Bool
    let problem: Bool
    let noBreached: Bool
    let noWarning: Bool
    /// Letters that could not be produced or came back: the citizen may not know where their case stands.
    let letters: [LetterProblem]

    struct LetterProblem: Sendable, Encodable {
        let reference: String
        let grouped: String
        let link: String
        let letter: Label?
        let message: Label?
        let problem: String
    }

    struct Reviewer: Sendable, Encodable {
        let id: String
        let name: String
        let inHand: Int
        let overdue: Int
        let hasOverdue: Bool
    }
}
