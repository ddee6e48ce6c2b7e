import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The only way staff controllers register routes: each one names the roles it admits (deny by default), and its
/// handler receives the signed-in account. Without a session the browser is sent to sign in; without the role
/// (or, checked by the handler, access to the object) the answer is the 403 page.
struct StaffRoutes {
    let router: Router<AppRequestContext>
    let table: RouteTable
    let signIn: StaffSignIn
    let cookie: StaffCookie

    typealias Handler = @Sendable (Request, AppRequestContext, StaffAccount) async throws -> Response

    func get(_ url: StaffURL, roles: Set<Role>, use handler: @escaping Handler) {
        add(.get, url.pattern.routerPath, roles: roles, handler)
    }

    func post(_ url: StaffURL, roles: Set<Role>, use handler: @escaping Handler) {
        add(.post, url.pattern.routerPath, roles: roles, handler)
    }

    /// A route anyone may open (the sign-in page), still declared in the table.
    func open(
        _ method: HTTPRequest.Method, _ url: StaffURL,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        let path = url.pattern.routerPath
        table.add(.init(method: method.rawValue, path: path.description, rule: .everyone))
        router.on(path, method: method, use: handler)
    }

    /// A path and query kept whole inside the `next` parameter: the query's own separators are escaped.
    static let nextAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?&=+#"))

    private func add(_ method: HTTPRequest.Method, _ path: RouterPath, roles: Set<Role>, _ handler: @escaping Handler) {
        precondition(!roles.isEmpty, "a staff route must admit at least one role")
        table.add(.init(method: method.rawValue, path: path.description, rule: .staff(roles)))
        let (signIn, cookie) = (signIn, cookie)
        router.on(path, method: method) { request, context in
            guard let token = cookie.token(in: request), let account = try await signIn.account(forToken: token) else {
                if method == .get {
                    // The query goes along (a screen pop's caller number survives signing in).
                    let next = request.uri.description.addingPercentEncoding(withAllowedCharacters: Self.nextAllowed) ?? StaffURL.home.path
                    return Response.redirect(to: StaffURL.signIn.path(query: "next=\(next)"), type: .normal)
                }
                return Response.redirect(to: StaffURL.signIn.path, type: .normal)
            }
            guard !account.roles.isDisjoint(with: roles) else { throw AppError.notPermitted }
            return try await handler(request, context, account)
        }
    }
}
