import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The staff session cookie: `__Host-` prefixed and Secure when the portal is served over HTTPS (a browser
/// refuses a `__Host-` cookie without Secure, so plain-HTTP development uses the bare name).
struct StaffCookie: Sendable {
    let secure: Bool
    var name: String { secure ? "__Host-appeals_staff" : "appeals_staff" }

    func token(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, value.count == 64, value.allSatisfy(\.isHexDigit) else { return nil }
        return value
    }

    func set(_ token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func clear() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
