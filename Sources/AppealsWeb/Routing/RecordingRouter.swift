import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

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
