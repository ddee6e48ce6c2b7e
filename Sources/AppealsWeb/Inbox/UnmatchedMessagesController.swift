import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The Unmatched messages queue: agents, clerks and supervisors read what arrived without a case and put each
/// on the case the search finds (typed as its reference), after which it reads on that case's timeline.
struct UnmatchedMessagesController: Sendable {
    let pages: PageRenderer
    let messages: UnmatchedMessages
    let timeZone: TimeZone

    static let perPage = 50

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.messages, roles: UnmatchedMessages.roles) { request, context, account in
            try await page(account, context, answered: request.uri.queryParameters["answered"] == "1")
        }
        routes.post(StaffURL.messageAttachment(.key), roles: UnmatchedMessages.roles) { _, context, account in
            guard let id = context.parameters.get("id"), id.count <= 64 else { throw RequestError.malformed }
            let typed = (try context.form(AttachMessageForm.self).reference ?? "").trimmingSpaces
            guard let reference = CaseReference(typed) else {
                return try await page(account, context, refused: id, typed: typed, status: .unprocessableContent) {
                    $0.referenceInvalid = true
                }
            }
            do {
                // The role it is done in: the first the account has of those the queue admits.
                let role = [Role.supervisor, .clerk, .phoneAgent].first { account.roles.contains($0) } ?? .phoneAgent
                guard try await messages.attach(id, to: reference, by: account.actor(as: role)) else {
                    return try await page(account, context, attachedAlready: true)
                }
            } catch AppError.notFound {
                return try await page(account, context, refused: id, typed: typed, status: .unprocessableContent) { $0.noSuchCase = true }
            }
            return Response.redirect(to: StaffURL.case(.value(reference)).path, type: .normal)
        }
        routes.post(StaffURL.messageAnswer(.key), roles: UnmatchedMessages.roles) { _, context, account in
            guard let id = context.parameters.get("id"), id.count <= 64 else { throw RequestError.malformed }
            let words = try context.form(AnswerMessageForm.self).words ?? ""
            let role = [Role.supervisor, .clerk, .phoneAgent].first { account.roles.contains($0) } ?? .phoneAgent
            do {
                guard try await messages.answer(id, with: words, by: account.actor(as: role)) else {
                    return try await page(account, context, attachedAlready: true)
                }
            } catch let problem as WriteToCitizen.Problem {
                return try await page(account, context, refused: id, answer: words, status: .unprocessableContent) {
                    $0.answerEmpty = problem == .empty
                    $0.answerTooLong = problem != .empty
                }
            }
            return Response.redirect(to: StaffURL.messages.path(query: "answered=1"), type: .normal)
        }
    }

    func page(
        _ account: StaffAccount, _ context: AppRequestContext, attachedAlready: Bool = false, answered: Bool = false,
        refused id: String? = nil, typed: String = "",
        answer: String = "", status: HTTPResponse.Status = .ok, problem: (inout UnmatchedMessagesPage.Item) -> Void = { _ in }
    ) async throws -> Response {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onMessages = true
        var page = UnmatchedMessagesPage(
            nav: nav, waiting: try await messages.waiting(limit: Self.perPage), calendar: BusinessCalendar(timeZone: timeZone))
        page.attachedAlready = attachedAlready
        page.answered = answered
        if let index = page.messages.firstIndex(where: { $0.id == id }) {
            page.messages[index].reference = typed
            page.messages[index].answer = answer
            page.messages[index].hasError = true
            problem(&page.messages[index])
        }
        return try pages.render("staff/messages", page: page, context: context, status: status)
    }
}

/// "Answer": the words to send back to the sender.
struct AnswerMessageForm: WebForm {
    let words: String?
}

/// "Put on a case": the case's reference as typed.
struct AttachMessageForm: WebForm {
    let reference: String?
}
