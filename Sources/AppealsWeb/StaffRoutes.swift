import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Who may use a route: everyone, or signed-in staff holding one of the roles.
public enum AccessRule: Sendable, Equatable {
    case everyone
    case staff(Set<Role>)
}

/// Every route with its declared rule, as registered; the route × role test and the hostile-input test walk it.
public final class RouteTable: @unchecked Sendable {
    public struct Entry: Sendable, Equatable {
        public let method: String
        public let path: String
        public let rule: AccessRule
    }

    private let lock = NSLock()
    private var list: [Entry] = []

    public init() {}
    public var entries: [Entry] { lock.withLock { list } }
    func add(_ entry: Entry) { lock.withLock { list.append(entry) } }
}

/// The only way staff controllers register routes: each one names the roles it admits (deny by default), and its
/// handler receives the signed-in account. Without a session the browser is sent to sign in; without the role
/// (or, checked by the handler, access to the object) the answer is the 403 page.
struct StaffRoutes {
    let router: Router<AppRequestContext>
    let table: RouteTable
    let signIn: StaffSignIn
    let cookie: StaffCookie

    typealias Handler = @Sendable (Request, AppRequestContext, StaffAccount) async throws -> Response

    func get(_ path: RouterPath, roles: Set<Role>, use handler: @escaping Handler) {
        add(.get, path, roles: roles, handler)
    }

    func post(_ path: RouterPath, roles: Set<Role>, use handler: @escaping Handler) {
        add(.post, path, roles: roles, handler)
    }

    /// A route anyone may open (the sign-in page), still declared in the table.
    func open(
        _ method: HTTPRequest.Method, _ path: RouterPath,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        table.add(.init(method: method.rawValue, path: path.description, rule: .everyone))
        router.on(path, method: method, use: handler)
    }

    private func add(_ method: HTTPRequest.Method, _ path: RouterPath, roles: Set<Role>, _ handler: @escaping Handler) {
        precondition(!roles.isEmpty, "a staff route must admit at least one role")
        table.add(.init(method: method.rawValue, path: path.description, rule: .staff(roles)))
        let (signIn, cookie) = (signIn, cookie)
        router.on(path, method: method) { request, context in
            guard let token = cookie.token(in: request), let account = try await signIn.account(forToken: token) else {
                if method == .get {
                    let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/staff"
                    return Response.redirect(to: "/staff/sign-in?next=\(next)", type: .normal)
                }
                return Response.redirect(to: "/staff/sign-in", type: .normal)
            }
            guard !account.roles.isDisjoint(with: roles) else { throw AppError.forbidden }
            return try await handler(request, context, account)
        }
    }
}

/// The staff session cookie: `__Host-` prefixed and Secure when the portal is served over HTTPS (a browser
/// refuses a `__Host-` cookie without Secure, so plain-HTTP development uses the bare name).
struct StaffCookie: Sendable {
    let secure: Bool
    var name: String { secure ? "__Host-appeals_staff" : "appeals_staff" }

    func token(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, value.count == 64, value.allSatisfy(\.isHexDigit) else { return nil }
        return value
    }

    func set(_ token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func clear() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

/// The router as the public controllers see it: every route registered through it is also recorded in the route
/// table (as open to everyone), so that tests walk every route of the portal, not a list someone keeps.
struct RecordingRouter: RouterMethods {
    typealias Context = AppRequestContext
    let router: Router<AppRequestContext>
    let table: RouteTable

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        table.add(.init(method: method.rawValue, path: path.description, rule: .everyone))
        router.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
