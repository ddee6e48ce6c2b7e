import Hummingbird
import Logging

/// The per-request context of every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// This browser's anti-forgery token, for the hidden field of every form (set by the CSRF middleware).
    var csrfToken = ""
    /// The submitted urlencoded form, read once by the CSRF middleware (a form that would hold a NUL once decoded is
    /// refused there: ``NULGuard``); handlers decode it with ``form(_:)``.
    var formBody = ""

    /// The socket's peer address.
    let peerAddress: String?
    /// Behind a trusted proxy, the client it forwarded for (set by ``ClientAddressMiddleware``).
    var forwardedClient: String?

    /// The client as per-client limits count it: an IPv4 address or an IPv6 /64 (worked out only when a limit
    /// asks, not on every request).
    var clientAddress: String {
        forwardedClient ?? TrustedProxies.none.client(peer: peerAddress, forwarded: [], xForwardedFor: [])
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
