import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Signing staff in and out.
struct StaffAuthController {
    static let everyStaffRole: Set<Role> = [.phoneAgent, .reviewer, .supervisor, .clerk, .administrator, .auditor]
    let pages: PageRenderer
    let signIn: StaffSignIn
    let cookie: StaffCookie

    struct SignInPage: Sendable, Encodable {
        let csrf: String
        let next: String
        var email = ""
        var hasErrors = false
        var wrong = false
        var locked = false
        var minutes = 0
        var oneMinute = false
        var signedOut = false
        var expired = false
    }

    func addRoutes(to routes: StaffRoutes) {
        routes.open(.get, StaffURL.signIn) { request, context in
            var page = SignInPage(csrf: context.csrfToken, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)))
            page.signedOut = request.uri.queryParameters["signed-out"] != nil
            page.expired = request.uri.queryParameters["next"] != nil
            return try pages.render("staff/sign-in", page: page, context: context)
        }
        routes.open(.post, StaffURL.signIn) { request, context in
            let form = try context.form(SignInForm.self)
            let email = form.email ?? ""
            var page = SignInPage(csrf: context.csrfToken, next: Self.safeNext(form.next))
            page.email = email
            do {
                let (token, _) = try await signIn.signIn(
                    email: email, password: form.password ?? "", address: context.clientAddress)
                if let old = cookie.token(in: request) { try? await signIn.store.endSession(token: old, audit: nil) }
                var response = Response.redirect(to: page.next, type: .found)
                // The anti-forgery token is derived from the session, so it is new with the new session.
                response.setCookie(cookie.set(token))
                return response
            } catch let problem as SignInProblem {
                page.hasErrors = true
                switch problem {
                case .wrongCredentials: page.wrong = true
                case .locked(let minutes): (page.locked, page.minutes, page.oneMinute) = (true, minutes, minutes == 1)
                }
                return try pages.render("staff/sign-in", page: page, context: context, status: .unprocessableContent)
            }
        }
        routes.post(StaffURL.signOut, roles: StaffAuthController.everyStaffRole) { request, _, account in
            if let token = cookie.token(in: request) { try await signIn.signOut(token: token, account: account) }
            var response = Response.redirect(to: StaffURL.signIn.path(query: "signed-out=1"), type: .found)
            response.setCookie(cookie.clear())
            return response
        }
        routes.get(StaffURL.home, roles: StaffAuthController.everyStaffRole) { _, context, account in
            try pages.render("staff/home", page: StaffHomePage(nav: StaffNav(account, csrf: context.csrfToken)), context: context)
        }
    }

    /// Only a path inside the workspace: never another site.
    static func safeNext(_ next: String?) -> String {
        // Never back to signing in or out (`/staff/sign-in`, `/staff/sign-out`).
        guard let next, StaffURL.isStaffPath(next), !next.hasPrefix("//"), !next.contains("\\"),
            !next.hasPrefix(StaffURL.home.path + "/sign-")
        else {
            return StaffURL.home.path
        }
        return next
    }
}
