import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// "Call me back" on the status page: the citizen picks a window of the next business hours and the number to
/// call (the one they gave with the appeal, unless they type another), and is told when we will call. Reference
/// and plate travel in hidden fields and are checked again, like the first look-up, counting against its limit.
extension StatusController {
    func addCallbackRoutes(to router: RecordingRouter) {
        router.post(CitizenURL.statusForm(.callback)) { _, context in
            try await throttle.check(context.clientAddress)
            let form = try context.form(StatusLookUpForm.self)
            let plate = form.plate ?? ""
            let status = try await lookUpOrNotFound(reference: form.reference ?? "", plate: plate)
            var page = CallbackPage(
                reference: status.reference.grouped, csrf: context.csrfToken, plateTyped: plate, phone: form.phone ?? "",
                reason: form.reason ?? "")
            if let open = try await callbacks.open(of: status.reference) {
                return try statusPage(status, plate: plate, context: context) { $0.callbackBooked = CallbackPage.words(open.window) }
            }
            guard form.confirm == "yes" else { return try await callbackPage(page, chosen: nil, context: context) }
            do {
                let booked = try await callbacks.book(
                    status.reference, windowID: form.window ?? "", phone: form.phone ?? "", reason: form.reason ?? "", by: "citizen")
                return try statusPage(status, plate: plate, context: context) { $0.callbackBooked = CallbackPage.words(booked.window) }
            } catch let problem as Callbacks.Problem {
                switch problem {
                case .noWindow: page.windowMissing = true
                case .phoneNeeded: page.phoneNeeded = true
                case .badPhone: page.phoneInvalid = true
                case .alreadyBooked(let window):
                    return try statusPage(status, plate: plate, context: context) { $0.callbackBooked = CallbackPage.words(window) }
                }
                page.hasErrors = true
                return try await callbackPage(page, chosen: form.window, context: context, status: .unprocessableContent)
            }
        }
    }

    func callbackPage(_ page: CallbackPage, chosen: String?, context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        var page = page
        page.windows = try await callbacks.choices().windows.map {
            .init(id: $0.id, words: CallbackPage.words($0), checked: $0.id == chosen)
        }
        return try pages.render("public/callback", page: page, context: context, status: status)
    }
}

/// The "call me back" form: the windows on offer, the number, what it is about, and what was wrong.
struct CallbackPage: Sendable, Encodable {
    let reference: String
    let csrf: String
    let plateTyped: String
    var phone: String
    var reason: String
    var windows: [Choice] = []
    var windowMissing = false
    var phoneNeeded = false
    var phoneInvalid = false
    var hasErrors = false

    struct Choice: Sendable, Encodable {
        let id: String
        let words: String
        let checked: Bool
    }

    init(reference: String, csrf: String, plateTyped: String, phone: String, reason: String) {
        self.reference = reference
        self.csrf = csrf
        self.plateTyped = plateTyped
        self.phone = String(phone.prefix(40))
        self.reason = String(reason.prefix(500))
    }

    /// "Tuesday 8 December 2026, in the morning (before noon)"
    static func words(_ window: CallbackWindow) -> String {
        let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][window.day.isoWeekday - 1]
        return "\(weekday) \(LongDate.text(window.day)), " + (window.part == .morning ? "in the morning (before noon)" : "in the afternoon")
    }
}
