import Hummingbird
import Logging

/// One log line per request, when its response is ready (a streamed body's time is not in it): the request id (in the logger's metadata), method,
/// route (the pattern, e.g. `/staff/cases/{reference}`: never the path's or query's values, which may carry a
/// plate or a phone number), status and duration in milliseconds.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            Self.log(context.logger, request.method, context.endpointPath ?? "unmatched", response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            Self.log(context.logger, request.method, context.endpointPath ?? "unmatched", status, since: started)
            throw error
        }
    }

    static func log(_ logger: Logger, _ method: HTTPRequest.Method, _ route: String, _ status: Int, since started: ContinuousClock.Instant)
    {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "request",
            metadata: [
                "method": "\(method.rawValue)", "route": "\(route)", "status": "\(status)",
                "duration_ms": "\((milliseconds * 10).rounded() / 10)",
            ])
    }
}
