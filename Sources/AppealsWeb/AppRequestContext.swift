import Hummingbird
import Logging

/// The per-request context of every route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms are small; uploads (a later issue) stream to disk and set their own limit.
    public var maxUploadSize: Int { 1 << 20 }
}
