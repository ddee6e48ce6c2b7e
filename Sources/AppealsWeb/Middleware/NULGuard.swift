import AppealsServices
import Hummingbird

/// NUL bytes in parameters. No field has a use for one, PostgreSQL refuses one in a bound text parameter (a 500),
/// and a text with one is cut short by C libraries: a request whose query or posted form would hold a NUL once
/// decoded is refused with a 400, for every way a route reads it (`queryParameters`, a GET form, a posted form).
///
/// Nothing is removed: removing `%00` in one pass turns `%0%000` into `%00`, which the decoder then reads as a NUL.
/// A decoded NUL can come only from a NUL byte as sent or from the escape `%00` (a decoder reads escapes left to
/// right, once), so the text as sent is searched for both; the query's parameters as Hummingbird decodes them are
/// checked too, as handlers read them.
enum NULGuard {
    /// Whether URL-encoded text (a query string or a form body) holds a NUL once decoded.
    static func decodesToNUL<S: StringProtocol>(_ encoded: S) -> Bool {
        var percent = 0  // how many of "%0" have just been read
        for byte in encoded.utf8 {
            if byte == 0 { return true }
            switch (percent, byte) {
            case (_, UInt8(ascii: "%")): percent = 1
            case (1, UInt8(ascii: "0")): percent = 2
            case (2, UInt8(ascii: "0")): return true
            default: percent = 0
            }
        }
        return false
    }

    /// - Throws: ``RequestError/malformed`` when the request's query holds a NUL once decoded.
    static func checkQuery(of request: Request) throws {
        guard let query = request.uri.query else { return }
        if decodesToNUL(query) || request.uri.queryParameters.contains(where: { $0.key.contains("\0") || $0.value.contains("\0") }) {
            throw RequestError.malformed
        }
    }
}

/// Refuses a request whose query holds a NUL once decoded (``NULGuard``), before any route reads it; the posted
/// form is checked where it is read (``CSRFMiddleware``).
struct NULQueryMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try NULGuard.checkQuery(of: request)
        return try await next(request, context)
    }
}
