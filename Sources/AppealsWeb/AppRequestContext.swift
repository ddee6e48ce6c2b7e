import Hummingbird
import Logging

/// The per-request context of every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// This browser's anti-forgery token, for the hidden field of every form (set by the CSRF middleware).
    var csrfToken = ""
    /// The submitted form, read once by the CSRF middleware.
    var form = FormFields()

    /// The client's address, for per-client limits.
    let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
