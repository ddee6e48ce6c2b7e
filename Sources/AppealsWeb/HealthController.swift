import AppealsStore
import Hummingbird

/// Probes for the load balancer and the orchestrator.
struct HealthController<Context: RequestContext>: Sendable {
    let database: AppDatabase
    let migrations: MigrationRunner

    func addRoutes(to router: some RouterMethods<Context>) {
        router.get("/healthz") { _, _ in Self.text(.ok, "ok\n") }
        router.get("/readyz") { _, context in
            do {
                guard try await migrations.isUpToDate(database) else {
                    return Self.text(.serviceUnavailable, "not ready: migrations pending\n")
                }
                return Self.text(.ok, "ready\n")
            } catch {
                context.logger.warning("not ready", metadata: ["error": "\(error)"])
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
