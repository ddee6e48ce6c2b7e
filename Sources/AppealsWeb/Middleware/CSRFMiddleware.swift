import AppealsServices
import Foundation
import Hummingbird

/// Anti-forgery for every form: each form repeats a token in a hidden `csrf_token` field, and a POST whose field
/// is not the expected token is refused before any handler runs.
///
/// - Staff pages with a session cookie: the token is an HMAC of the session token with the server key, so it
///   changes with every new session and cannot be planted by anyone who cannot read the session cookie (a sibling
///   origin or a network attacker on plain HTTP can set cookies, but not read this one).
/// - Everyone else (citizens without an account, the sign-in form): a random token in a strict same-site cookie
///   (`__Host-` prefixed and Secure with `SECURE_COOKIES=true`) that the field must repeat (double submit).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let fieldName = "csrf_token"
    /// A urlencoded form is read whole; nothing a person types comes near this.
    static let formLimit = 64 * 1024
    /// The only routes that take multipart bodies. They stream them (files to disk), so the token is checked by
    /// ``MultipartUpload`` as the first part arrives, before any file byte is written; elsewhere multipart is refused.
    let multipartPaths: [RoutePattern]
    let cookies: CookiePolicy
    let staffCookie: StaffCookie
    let keyedHash: any KeyedHash
    let random: any RandomSource

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API takes no forms and no cookies: its requests carry a bearer key, which another site cannot send.
        // A webhook's call is signed by the system that makes it (checked by its handler).
        if request.uri.path.hasPrefix(APIURL.prefix) || request.uri.path.hasPrefix(ServiceURL.webhookPrefix) {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let existing = request.cookies[cookies.csrfName]?.value.filter(\.isHexDigit)
        let cookieToken = existing.flatMap { $0.count == 64 ? $0 : nil } ?? random.hex(words: 4)
        let workspace = StaffURL.isStaffPath(request.uri.path)
        let session = workspace ? staffCookie.token(in: request) : nil
        let token = if let session { try await keyedHash.hex("csrf:" + session) } else { cookieToken }
        context.csrfToken = token
        // Without a session the cookie must hold the token the field repeats; with one, the HMAC alone decides.
        let cookieMatches = session != nil || existing == token

        let multipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") ?? false
        if multipart && request.method == .post {
            guard Self.matches(request.uri.path, multipartPaths), cookieMatches else { throw RequestError.forgery }
        } else if request.method == .post || request.method == .put || request.method == .patch || request.method == .delete {
            let body = try await request.collectBody(upTo: Self.formLimit)
            context.formBody = String(buffer: body)
            guard cookieMatches, let sent = Self.token(in: context.formBody), Self.constantTimeEqual(sent, token) else {
                throw RequestError.forgery
            }
            // The one place a posted form is read: a NUL in it, once decoded, is refused for every handler.
            if NULGuard.decodesToNUL(context.formBody) { throw RequestError.malformed }
        }
        var response = try await next(request, context)
        if existing != cookieToken { response.setCookie(cookies.csrf(cookieToken)) }
        return response
    }

    /// The `csrf_token` field's value as sent. Tokens are hex, so a value that needs decoding is not a token and
    /// fails the comparison as sent; the handler decodes the whole form once (profiling the status page showed a
    /// second full decode here cost about 2 % of its throughput).
    static func token(in body: String) -> String? {
        body.split(separator: "&").first { $0.hasPrefix(fieldName + "=") }.map { String($0.dropFirst(fieldName.count + 1)) }
    }

    static func matches(_ path: String, _ patterns: [RoutePattern]) -> Bool {
        patterns.contains { $0.matches(path) }
    }

    /// The routes that take files: the citizen's evidence (while appealing and later), the ticket upload, and the
    /// files of an appeal typed in by staff.
    static let multipartRoutes: [RoutePattern] = [
        CitizenURL.appeal(.evidence).pattern, CitizenURL.statusForm(.answer).pattern,
        StaffURL.adminPage(.tickets).pattern, StaffURL.intakeForm(.key, .evidence).pattern,
    ]

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
