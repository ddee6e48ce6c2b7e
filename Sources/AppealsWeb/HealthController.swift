import AppealsServices
import Hummingbird

/// Probes for the load balancer and the orchestrator.
struct HealthController: Sendable {
    let readiness: any ReadinessCheck

    func addRoutes(to router: RecordingRouter) {
        router.get(ServiceURL.health) { _, _ in Self.text(.ok, "ok\n") }
        router.get(ServiceURL.readiness) { _, context in
            switch await readiness.readiness() {
            case .ready: return Self.text(.ok, "ready\n")
            case .migrationsPending: return Self.text(.serviceUnavailable, "not ready: migrations pending\n")
            case .unavailable(let detail):
                context.logger.warning("not ready", metadata: ["error": "\(detail)"])
                return Self.text(.serviceUnavailable, "not ready: database unreachable or schema mismatch\n")
            }
        }
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
