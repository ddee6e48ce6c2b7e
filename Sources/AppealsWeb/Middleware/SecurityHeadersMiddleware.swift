import HTTPTypes
import Hummingbird

/// Headers every response carries: no framing, no MIME sniffing, no inline script, no referrer leaks; and, when
/// the portal is served over HTTPS, `Strict-Transport-Security`.
///
/// A handler's own `Content-Security-Policy` wins: an original's download sets `default-src 'none'; sandbox`,
/// which must not be widened to the pages' policy after the handler.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Over HTTPS only: browsers then refuse plain HTTP to this host for a year.
    var strictTransportSecurity = false

    static var pagePolicy: String {
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if strictTransportSecurity { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}
