import Foundation

extension AppConfiguration {
    /// The IMAP mailbox replies are read from: `imaps://host/INBOX` (TLS from the start), or `imap://host/INBOX`
    /// with STARTTLS required, which only a server on this machine may go without.
    public struct IMAPSettings: Sendable {
        public var url: String
        public var username = ""
        public var password = ""
        public var pollSeconds = 60
        public var timeoutSeconds = 30
        /// STARTTLS is required: an `imap://` URL to another machine.
        public var requireTLS: Bool {
            guard let url = URL(string: url), url.scheme == "imap" else { return false }
            return !SMTPSettings.isLoopback(url.host ?? "")
        }

        public init(url: String) { self.url = url }
    }

    /// `INBOUND_EMAIL_ADDRESS` and the `IMAP_…` settings.
    mutating func readInbound(string: (String) -> String?, integer: (String, ClosedRange<Int>) throws -> Int?) throws {
        if let inbound = string("INBOUND_EMAIL_ADDRESS") {
            let parts = inbound.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[0].contains("+"), !inbound.contains(" ") else {
                throw Invalid(
                    variable: "INBOUND_EMAIL_ADDRESS", value: inbound, expected: "one address without a +, e.g. appeals@riverton.example")
            }
            inboundEmailAddress = inbound
        }
        inboundHoldSeconds = try integer("INBOUND_HOLD_SECONDS", 1...86_400) ?? inboundHoldSeconds
        guard let url = string("IMAP_URL") else { return }
        guard let parsed = URL(string: url), ["imap", "imaps"].contains(parsed.scheme ?? ""), parsed.host?.isEmpty == false,
            parsed.path.count > 1
        else {
            throw Invalid(
                variable: "IMAP_URL", value: url,
                expected: "imaps://host/MAILBOX or imap://host/MAILBOX, e.g. imaps://mail.riverton.example/INBOX")
        }
        var imap = IMAPSettings(url: url)
        imap.username = string("IMAP_USERNAME") ?? ""
        imap.password = string("IMAP_PASSWORD") ?? ""
        imap.pollSeconds = try integer("IMAP_POLL_SECONDS", 1...86_400) ?? imap.pollSeconds
        self.imap = imap
    }
}
