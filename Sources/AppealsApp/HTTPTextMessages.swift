import AppealsServices
import CCurlMail
import Foundation
import NIOPosix

/// Texts through an SMS provider's REST API, in the shape the big providers share: a form POST of `To`, `From`,
/// `Body` and `StatusCallback` to `{api}/2010-04-01/Accounts/{account}/Messages.json`, with basic authentication
/// (the account and its auth token). Over libcurl, which the portal already links for mail, on NIO's blocking-work
/// pool. The status callback names the outbox message, so the provider's delivery receipts find it (the provider
/// signs that URL with the rest of its request).
struct HTTPTextMessages: TextMessageProvider {
    let settings: AppConfiguration.SMSSettings
    /// `{PUBLIC_URL}/webhooks/sms`
    let webhookURL: String

    func send(to number: String, body: String, id: String) async throws {
        let form = [("To", number), ("From", settings.from), ("Body", body), ("StatusCallback", webhookURL + "?outbox=" + id)]
            .map { $0 + "=" + Self.formEncoded($1) }.joined(separator: "&")
        let url = settings.apiURL + "/2010-04-01/Accounts/\(Self.formEncoded(settings.accountSID))/Messages.json"
        let settings = settings
        let (status, reply) = try await NIOThreadPool.singleton.runIfActive {
            var error = [CChar](repeating: 0, count: 512)
            var response: UnsafeMutablePointer<CChar>?
            var length = 0
            var status = 0
            let code = curl_http_post_form(
                url, settings.accountSID, settings.authToken, form, settings.timeoutSeconds, 65_536, &response, &length, &status, &error,
                error.count)
            defer { curl_http_free(response) }
            guard code == 0 else {
                let detail = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw DeliveryError(permanent: false, detail: "SMS provider not reached: \(detail)")
            }
            return (status, response.map { String(cString: $0) } ?? "")
        }
        switch status {
        case 200..<300: return
        // Too many requests, or the provider's own trouble: try again later.
        case 429, 500...: throw DeliveryError(permanent: false, detail: "SMS provider answered \(status): \(Self.providerMessage(reply))")
        // The provider refused this text (a number that cannot take texts, say): trying again cannot help.
        default: throw DeliveryError(permanent: true, detail: "SMS provider refused the text (\(status)): \(Self.providerMessage(reply))")
        }
    }

    /// The provider's own words in its JSON error (`message`, and its `code`), short.
    static func providerMessage(_ reply: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any] else {
            return String(reply.prefix(200))
        }
        let message = (object["message"] as? String).map { String($0.prefix(200)) } ?? "no reason given"
        return (object["code"]).map { "\(message) (code \($0))" } ?? message
    }

    /// `application/x-www-form-urlencoded`: letters, digits and `-._~` as they are, every other byte as `%XX`.
    static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(
            withAllowedCharacters: .init(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"))
            ?? ""
    }
}
