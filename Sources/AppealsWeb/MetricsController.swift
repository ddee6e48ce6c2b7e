import Crypto
import Foundation
import Hummingbird

/// `/metrics` for Prometheus, behind a bearer key (`METRICS_TOKEN`); without a key configured it is not served.
struct MetricsController: Sendable {
    let source: any MetricsSource
    let token: String?

    func addRoutes(to router: RecordingRouter) {
        router.get(ServiceURL.metrics) { request, _ in
            guard let token else { throw HTTPError(.notFound) }
            let presented = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil } ?? ""
            // Compared as digests, so the time taken says nothing about the key.
            guard SHA256.hash(data: Data(presented.utf8)) == SHA256.hash(data: Data(token.utf8)) else {
                return Response(
                    status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"metrics\"", .cacheControl: "no-store"])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: try await source.exposition())))
        }
    }
}
