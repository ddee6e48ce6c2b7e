import Crypto
import Foundation

/// The signature an SMS provider puts on each webhook request it makes (`X-Twilio-Signature`, the scheme of the
/// largest provider, which others copy): base64 of HMAC-SHA1, keyed with the account's auth token, over the full
/// URL the provider called (with its query) followed by every POST parameter sorted by name (the values of one name
/// sorted too), each name then its value.
public struct TextSignature: Sendable {
    let key: SymmetricKey

    public init(authToken: String) { key = SymmetricKey(data: Data(authToken.utf8)) }

    public func sign(url: String, parameters: [(name: String, value: String)]) -> String {
        let pairs = Set(parameters.map { $0.name + "\u{0}" + $0.value }).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        let signed = url + pairs.map { $0.replacingOccurrences(of: "\u{0}", with: "") }.joined()
        return Data(HMAC<Insecure.SHA1>.authenticationCode(for: Data(signed.utf8), using: key)).base64EncodedString()
    }

    /// Compared in constant time, so the time taken says nothing about the right signature.
    public func verify(_ signature: String, url: String, parameters: [(name: String, value: String)]) -> Bool {
        let expected = Array(sign(url: url, parameters: parameters).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
