import AppealsServices

/// The status API's refusals, each the `detail` of a `problem+json` answer; `code` is the stable name a program
/// branches on (documented in `/api/openapi.yaml`).
public enum APIWords: String, MessageKey, CaseIterable {
    case missingKey, invalidKey, revokedKey, insufficientScope, rateLimited, tooManyFailedKeys, tooManyRequests
    case invalidReference, invalidPlate, invalidTicket, invalidPhone, missingParameters, notFound, forbidden
    case tooLarge, badRequest, noSuchRoute, serverError

    public var key: String { "api." + rawValue }

    /// The problem's `code`: the key in snake case, but the two rate limits share theirs.
    public var code: String {
        self == .tooManyRequests ? "rate_limited" : rawValue.replacing(/[A-Z]/) { "_" + $0.output.lowercased() }
    }

    public var english: String {
        switch self {
        case .missingKey: "Send an API key as \"Authorization: Bearer <key>\"."
        case .invalidKey: "This API key is not one the portal issued."
        case .revokedKey: "This API key has been revoked: ask an administrator for a new one."
        case .insufficientScope: "This API key may not do this: it needs the scope {scope}."
        case .rateLimited: "This API key has made its requests for this minute."
        case .tooManyFailedKeys: "Too many API keys that are not valid came from this address: wait before trying again."
        case .tooManyRequests: "Too many requests."
        case .invalidReference: "This is not a case reference: nine letters and digits whose last one checks the others (a typo?)."
        case .invalidPlate: "The plate must be 2 to 8 letters and digits."
        case .invalidTicket: "The ticket number must be letters and digits."
        case .invalidPhone: "This is not a phone number: give it in E.164, like +12035551234."
        case .missingParameters: "Give ticket and plate together, or phone."
        case .notFound: "No case has this reference (or ticket) and plate."
        case .forbidden: "This request is not allowed."
        case .tooLarge: "The request is too large."
        case .badRequest: "The request is malformed."
        case .noSuchRoute: "The API has no such route: see /api/openapi.yaml."
        case .serverError: "Something went wrong on our side."
        }
    }
}
