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
    let multipartPaths: Set<String>
    let cookies: CookiePolicy
    let staffCookie: StaffCookie
    let keyedHash: any KeyedHash

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        let existing = request.cookies[cookies.csrfName]?.value.filter(\.isHexDigit)
        let cookieToken = existing.flatMap { $0.count == 64 ? $0 : nil } ?? Self.newToken()
        let session = request.uri.path.hasPrefix("/staff") ? staffCookie.token(in: request) : nil
        let token = if let session { try await keyedHash.hex("csrf:" + session) } else { cookieToken }
        context.csrfToken = token
        // Without a session the cookie must hold the token the field repeats; with one, the HMAC alone decides.
        let cookieMatches = session != nil || existing == token

        let multipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") ?? false
        if multipart && request.method == .post {
            guard multipartPaths.contains(request.uri.path), cookieMatches else { throw AppError.forbiddenForgery }
        } else if request.method == .post || request.method == .put || request.method == .patch || request.method == .delete {
            let body = try await request.collectBody(upTo: Self.formLimit)
            let form = FormFields(String(buffer: body))
            guard cookieMatches, let sent = form[Self.fieldName], Self.constantTimeEqual(sent, token) else {
                throw AppError.forbiddenForgery
            }
            context.form = form
        }
        var response = try await next(request, context)
        if existing != cookieToken { response.setCookie(cookies.csrf(cookieToken)) }
        return response
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next()) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The fields of an `application/x-www-form-urlencoded` body.
struct FormFields: Sendable {
    private var values: [String: String] = [:]
    /// Every value of a repeated field (checkboxes of the same name), in order.
    private var repeated: [String: [String]] = [:]

    init(_ body: String = "") {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { Self.percentDecoded(text) ?? "" }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[name] = value
            repeated[name, default: []].append(value)
        }
    }

    subscript(name: String) -> String? { values[name] }

    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    /// `application/x-www-form-urlencoded` decoding ("+" is a space, %XX a byte); nil when not valid UTF-8. NUL
    /// bytes are dropped: no field has a use for them, and PostgreSQL refuses them in text.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let b? where (0x30...0x39).contains(b): b - 0x30
            case let b? where (0x41...0x46).contains(b): b - 0x41 + 10
            case let b? where (0x61...0x66).contains(b): b - 0x61 + 10
            default: nil
            }
        }
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = hex(iterator.next()), let low = hex(iterator.next()) else { return nil }
                if high | low != 0 { bytes.append(high << 4 | low) }
            case 0: break
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
