import AppealsServices
import AppealsWords
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

    init(_ status: HTTPResponse.Status, _ problem: APIWords, _ values: [String: String] = [:], in words: Catalogue = .english) {
        self.status = status.code
        title = status.reasonPhrase
        code = problem.code
        detail = words(problem, values)
    }

    /// Any error an API route can meet, as the problem it is; unexpected ones are a 500 that says nothing more.
    static func from(_ error: any Error) -> APIProblem {
        switch error {
        case let problem as APIProblem: return problem
        case let access as APIAccessProblem:
            let realm = "Bearer realm=\"appeals\""
            switch access {
            case .missingKey:
                var p = APIProblem(.unauthorized, .missingKey)
                p.challenge = realm
                return p
            case .unknownKey:
                var p = APIProblem(.unauthorized, .invalidKey)
                p.challenge = realm + ", error=\"invalid_token\""
                return p
            case .revokedKey:
                var p = APIProblem(
                    .unauthorized, .revokedKey)
                p.challenge = realm + ", error=\"invalid_token\""
                return p
            case .insufficientScope(let scope):
                var p = APIProblem(
                    .forbidden, .insufficientScope, ["scope": scope.rawValue])
                p.challenge = realm + ", error=\"insufficient_scope\", scope=\"\(scope.rawValue)\""
                return p
            case .rateLimited(let seconds):
                var p = APIProblem(.tooManyRequests, .rateLimited)
                p.retryAfter = seconds
                return p
            case .tooManyFailedKeys(let seconds):
                var p = APIProblem(
                    .tooManyRequests, .tooManyFailedKeys)
                p.retryAfter = seconds
                return p
            }
        case let problem as StatusLookUpProblem:
            switch problem {
            case .invalidReference:
                return APIProblem(
                    .badRequest, .invalidReference)
            case .invalidPlate:
                return APIProblem(.badRequest, .invalidPlate)
            case .noMatch: return notFound
            }
        case let error as AppError:
            switch error {
            case .notFound: return notFound
            case .tooManyAttempts(let seconds):
                var p = APIProblem(.tooManyRequests, .tooManyRequests)
                p.retryAfter = seconds
                return p
            case .notPermitted: return forbidden
            }
        case let error as RequestError:
            switch error {
            case .tooLarge: return APIProblem(.contentTooLarge, .tooLarge)
            case .forgery: return forbidden
            case .malformed: return APIProblem(.badRequest, .badRequest)
            }
        case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
            return APIProblem(.notFound, .noSuchRoute)
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return APIProblem(error.status, .badRequest)
        default:
            return APIProblem(.internalServerError, .serverError)
        }
    }

    static let forbidden = APIProblem(.forbidden, .forbidden)

    /// No case with this reference (or ticket) and plate: one answer for both, so as not to say which exists.
    static let notFound = APIProblem(.notFound, .notFound)

    var response: Response {
        var headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let challenge { headers[.wwwAuthenticate] = challenge }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(data: APIJSON.encode(self))))
    }
}
