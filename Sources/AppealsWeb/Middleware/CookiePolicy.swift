import Hummingbird

/// How the portal's cookies are set. With `SECURE_COOKIES=true` (served over HTTPS) every cookie is `Secure`, and
/// the anti-forgery cookie takes the `__Host-` prefix (host-only, path `/`, Secure: no sibling origin can set it).
struct CookiePolicy: Sendable {
    let secure: Bool

    var csrfName: String { secure ? "__Host-appeals_csrf" : "appeals_csrf" }

    func csrf(_ token: String) -> Cookie {
        Cookie(name: csrfName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie of the citizen's journey (draft, status thumbnails); `maxAge` 0 clears it.
    func cookie(_ name: String, _ value: String, maxAge: Int, path: String, sameSite: Cookie.SameSite) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: secure, httpOnly: true, sameSite: sameSite)
    }
}
