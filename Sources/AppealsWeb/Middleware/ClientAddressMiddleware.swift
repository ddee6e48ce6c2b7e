import HTTPTypes
import Hummingbird

/// Sets the request's client address, which per-client limits (look-ups, sign-in) count by: the socket's peer,
/// or behind one of `TRUSTED_PROXIES` the right-most untrusted hop of `Forwarded` / `X-Forwarded-For`. Added only
/// when there are trusted proxies.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let proxies: TrustedProxies

    static let forwarded = HTTPField.Name("Forwarded")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.forwardedClient = proxies.client(
            peer: context.peerAddress, forwarded: request.headers[values: Self.forwarded],
            xForwardedFor: request.headers[values: Self.xForwardedFor]
        )
        return try await next(request, context)
    }
}
