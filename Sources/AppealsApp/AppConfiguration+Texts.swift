import Foundation

extension AppConfiguration {
    /// An SMS provider's REST API (`SMS_PROVIDER=http`): texts go out through it, and its webhook calls
    /// `POST /webhooks/sms` with the citizens' texts and the delivery receipts, signed with the auth token.
    public struct SMSSettings: Sendable {
        /// `https://api.twilio.com` or the provider's equivalent; plain http only to this machine.
        public var apiURL: String
        public var accountSID: String
        public var authToken: String
        /// The number (E.164) or sender id the texts come from.
        public var from: String
        public var timeoutSeconds = 20

        public init(apiURL: String, accountSID: String, authToken: String, from: String) {
            self.apiURL = apiURL
            self.accountSID = accountSID
            self.authToken = authToken
            self.from = from
        }
    }

    /// `SMS_PROVIDER` (`file`, the default: texts are written to `SMS_OUTBOX_FILE`; or `http`) and the `SMS_…`
    /// settings of the provider.
    mutating func readTexts(string: (String) -> String?) throws {
        smsOutboxFile = string("SMS_OUTBOX_FILE") ?? smsOutboxFile
        switch string("SMS_PROVIDER") ?? "file" {
        case "file": return
        case "http": break
        case let other: throw Invalid(variable: "SMS_PROVIDER", value: other, expected: "file or http")
        }
        let apiURL = string("SMS_API_URL") ?? "https://api.twilio.com"
        guard let url = URL(string: apiURL), let host = url.host, !host.isEmpty,
            url.scheme == "https" || (url.scheme == "http" && SMTPSettings.isLoopback(host))
        else {
            throw Invalid(variable: "SMS_API_URL", value: apiURL, expected: "an https:// URL (http:// only to this machine)")
        }
        var missing: [String] = []
        func value(_ name: String) -> String {
            let found = string(name) ?? ""
            if found.isEmpty { missing.append(name) }
            return found
        }
        let settings = SMSSettings(
            apiURL: apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL, accountSID: value("SMS_ACCOUNT_SID"),
            authToken: value("SMS_AUTH_TOKEN"), from: value("SMS_FROM"))
        guard missing.isEmpty else {
            throw Invalid(variable: missing[0], value: "", expected: "a value: SMS_PROVIDER=http needs \(missing.joined(separator: ", "))")
        }
        sms = settings
    }
}
