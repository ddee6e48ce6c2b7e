import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The router as the public controllers see it: routes are registered by their typed address (``SiteURL``), and
/// each is also recorded in the route table (as open to everyone), so that tests walk every route of the portal,
/// not a list someone keeps.
struct RecordingRouter {
    typealias Context = AppRequestContext
    let router: Router<AppRequestContext>
    let table: RouteTable

    @discardableResult
    func get(_ url: some SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(url, method: .get, use: handler)
    }

    @discardableResult
    func post(_ url: some SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(url, method: .post, use: handler)
    }

    private func on(
        _ url: some SiteURL, method: HTTPRequest.Method,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        let path = url.pattern.routerPath
        table.add(.init(method: method.rawValue, path: path.description, rule: .everyone))
        router.on(path, method: method, use: handler)
        return self
    }
}
