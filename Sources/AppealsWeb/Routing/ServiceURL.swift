/// The addresses that serve machines and browsers rather than people: probes, metrics, static files.
enum ServiceURL: SiteURL {
    /// `/healthz`: the process is up.
    case health
    /// `/readyz`: the database is reachable and migrated.
    case readiness
    /// `/metrics`, for Prometheus.
    case metrics
    /// `/webhooks/sms`: the SMS provider's calls (signed by it, so no form token).
    case smsWebhook
    /// `/static`: the files of `public/` (a file's path follows: `/static/css/site.css`).
    case staticFiles

    var segments: [PathSegment] {
        switch self {
        case .health: [.literal("healthz")]
        case .readiness: [.literal("readyz")]
        case .metrics: [.literal("metrics")]
        case .smsWebhook: [.literal("webhooks"), .literal("sms")]
        case .staticFiles: [.literal("static")]
        }
    }

    /// Calls from other systems, each authenticated its own way (a signature), never by a form token or cookie.
    static let webhookPrefix = "/webhooks/"
}
