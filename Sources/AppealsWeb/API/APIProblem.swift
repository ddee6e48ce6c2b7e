import AppealsServices
import Foundation
import Hummingbird

/// An API error as `application/problem+json` (RFC 9457): the HTTP status, its title, what went wrong in a
/// sentence, and a stable `code` a program can branch on.
struct APIProblem: Error, Sendable, Encodable {
    let type = "about:blank"
    let status: Int
    let title: String
    let detail: String
    let code: String
    /// Seconds to wait, for 429 (also sent as `Retry-After`).
    var retryAfter: Int?
    /// The `WWW-Authenticate` challenge of a 401 or 403 (not part of the body).
    var challenge: String?

    enum CodingKeys: String, CodingKey { case type, status, title, detail, code, retryAfter }

    init(_ status: HTTPResponse.Status, code: String, detail: String) {
        self.status = status.code
        title = status.reasonPhrase
        self.code = code
        self.detail = detail
    }

    /// Any error an API route can meet, as the problem it is; unexpected ones are a 500 that says nothing more.
    static func from(_ error: any Error) -> APIProblem {
        switch error {
        case let problem as APIProblem: return problem
        case let access as APIAccessProblem:
            let realm = "Bearer realm=\"appeals\""
            switch access {
            case .missingKey:
                var p = APIProblem(.unauthorized, code: "missing_key", detail: "Send an API key as \"Authorization: Bearer <key>\".")
                p.challenge = realm
                return p
            case .unknownKey:
                var p = APIProblem(.unauthorized, code: "invalid_key", detail: "This API key is not one the portal issued.")
                p.challenge = realm + ", error=\"invalid_token\""
                return p
            case .revokedKey:
                var p = APIProblem(
                    .unauthorized, code: "revoked_key", detail: "This API key has been revoked: ask an administrator for a new one.")
                p.challenge = realm + ", error=\"invalid_token\""
                return p
            case .insufficientScope(let scope):
                var p = APIProblem(
                    .forbidden, code: "insufficient_scope", detail: "This API key may not do this: it needs the scope \(scope.rawValue).")
                p.challenge = realm + ", error=\"insufficient_scope\", scope=\"\(scope.rawValue)\""
                return p
            case .rateLimited(let seconds):
                var p = APIProblem(.tooManyRequests, code: "rate_limited", detail: "This API key has made its requests for this minute.")
                p.retryAfter = seconds
                return p
            case .tooManyFailedKeys(let seconds):
                var p = APIProblem(
                    .tooManyRequests, code: "too_many_failed_keys",
                    detail: "Too many API keys that are not valid came from this address: wait before trying again.")
                p.retryAfter = seconds
                return p
            }
        case let problem as StatusLookUpProblem:
            switch problem {
            case .invalidReference:
                return APIProblem(
                    .badRequest, code: "invalid_reference",
                    detail: "This is not a case reference: nine letters and digits whose last one checks the others (a typo?).")
            case .invalidPlate:
                return APIProblem(.badRequest, code: "invalid_plate", detail: "The plate must be 2 to 8 letters and digits.")
            case .noMatch: return notFound
            }
        case let error as AppError:
            switch error {
            case .notFound: return notFound
            case .tooManyAttempts(let seconds):
                var p = APIProblem(.tooManyRequests, code: "rate_limited", detail: "Too many requests.")
                p.retryAfter = seconds
                return p
            case .notPermitted: return forbidden
            }
        case let error as RequestError:
            switch error {
            case .tooLarge: return APIProblem(.contentTooLarge, code: "too_large", detail: "The request is too large.")
            case .forgery: return forbidden
            case .malformed: return APIProblem(.badRequest, code: "bad_request", detail: "The request is malformed.")
            }
        case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
            return APIProblem(.notFound, code: "no_such_route", detail: "The API has no such route: see /api/openapi.yaml.")
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return APIProblem(error.status, code: "bad_request", detail: "The request is malformed.")
        default:
            return APIProblem(.internalServerError, code: "server_error", detail: "Something went wrong on our side.")
        }
    }

    static let forbidden = APIProblem(.forbidden, code: "forbidden", detail: "This request is not allowed.")

    /// No case with this reference (or ticket) and plate: one answer for both, so as not to say which exists.
    static let notFound = APIProblem(.notFound, code: "not_found", detail: "No case has this reference (or ticket) and plate.")

    var response: Response {
        var headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let challenge { headers[.wwwAuthenticate] = challenge }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(data: APIJSON.encode(self))))
    }
}
