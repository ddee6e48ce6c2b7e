import AppealsServices
import Hummingbird
import Logging
import NIOCore

/// The one place where errors become pages: typed errors map to their status and template; anything else is
/// a 500 that is logged with the request id and shows only that id, never the error's text. Under `/api/` they
/// become `application/problem+json` instead (``APIProblem``).
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    struct ErrorPage: Sendable, Encodable {
        let status: Int
        let retryAfterSeconds: Int?
        let limitMegabytes: Int?
        /// A 403 for lack of a role rather than an expired form.
        var noAccess = false
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch  where request.uri.path.hasPrefix(APIURL.prefix) {
            let problem = APIProblem.from(error)
            if problem.status >= 500 {
                context.logger.error(
                    "API request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            return problem.response
        } catch {
            let (status, page) = Self.classify(error)
            if status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: [
                        "error": "\(String(reflecting: error))", "path": "\(request.uri.path)",
                    ])
            }
            var response = try pages.render("errors/\(Self.template(for: status))", page: page, context: context, status: status)
            if let retry = page.retryAfterSeconds { response.headers[.retryAfter] = String(retry) }
            return response
        }
    }

    static func classify(_ error: any Error) -> (HTTPResponse.Status, ErrorPage) {
        func page(_ status: HTTPResponse.Status, retry: Int? = nil, limit: Int? = nil) -> (HTTPResponse.Status, ErrorPage) {
            (status, ErrorPage(status: status.code, retryAfterSeconds: retry, limitMegabytes: limit))
        }
        switch error {
        case let error as AppError:
            switch error {
            case .notFound: return page(.notFound)
            case .notPermitted:
                var (status, page) = page(.forbidden)
                page.noAccess = true
                return (status, page)
            case .tooManyAttempts(let retry): return page(.tooManyRequests, retry: retry)
            }
        case let error as RequestError:
            switch error {
            case .malformed: return page(.badRequest)
            case .forgery: return page(.forbidden)
            case .tooLarge(let limit): return page(.contentTooLarge, limit: max(1, limit / 1_000_000))
            }
        case let error as HTTPError:
            switch error.status {
            case .notFound, .methodNotAllowed: return page(.notFound)
            case .contentTooLarge: return page(.contentTooLarge)
            case .tooManyRequests: return page(.tooManyRequests)
            case let status where (400..<500).contains(status.code): return page(.badRequest)
            default: return page(.internalServerError)
            }
        case let error as NIOTooManyBytesError:
            return page(.contentTooLarge, limit: error.maxBytes.map { max(1, $0 / 1_000_000) })
        default:
            return page(.internalServerError)
        }
    }

    static func template(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 403: "forbidden"
        case 404: "not-found"
        case 413: "too-large"
        case 429: "too-many-requests"
        case 400..<500: "bad-request"
        default: "server-error"
        }
    }
}
