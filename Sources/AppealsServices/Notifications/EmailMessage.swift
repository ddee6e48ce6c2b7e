import Foundation

/// An email as the outbox sends it: written out as RFC 5322 with a plain-text and an HTML part (UTF-8, base64).
/// Its Message-ID comes from the outbox message's id, so that a message sent again after a sender died between
/// the server's acceptance and the outbox's record carries the same id (mail clients show it once).
public struct EmailMessage: Sendable, Equatable {
    public let id: String
    public let from: String
    public let to: String
    public let subject: String
    public let text: String
    public let html: String
    /// When it was written (the sender's clock), for the Date header.
    public let date: Date
    /// Where a reply goes: the inbound mailbox with this message's token (``ReplyAddress``), when one is set up.
    public let replyTo: String?

    public init(id: String, from: String, to: String, subject: String, text: String, html: String, date: Date, replyTo: String? = nil) {
        self.date = date
        self.replyTo = replyTo
        self.id = id
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The message as the SMTP DATA command carries it (CRLF line ends).
    public func rfc5322(domain: String) -> String {
        let boundary = "=_appeals_\(id.replacingOccurrences(of: "-", with: ""))"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        func base64(_ text: String) -> String {
            let encoded = Data(text.utf8).base64EncodedString()
            return stride(from: 0, to: encoded.count, by: 76).map { start in
                let from = encoded.index(encoded.startIndex, offsetBy: start)
                return String(encoded[from..<encoded.index(from, offsetBy: min(76, encoded.count - start))])
            }.joined(separator: "\r\n")
        }
        let lines =
            ["From: \(from)"] + (replyTo.map { ["Reply-To: \(Self.header($0))"] } ?? []) + [
                "To: \(to)", "Subject: \(Self.header(subject))", "Date: \(formatter.string(from: date))",
                "Message-ID: <\(id)@\(domain)>", "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
                "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64(text), "",
                "--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64(html), "",
                "--\(boundary)--", "",
            ]
        return lines.joined(separator: "\r\n")
    }

    /// A header value: as it is when plain ASCII, else RFC 2047 base64 words. Line breaks never pass.
    static func header(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard flat.unicodeScalars.contains(where: { !$0.isASCII }) else { return flat }
        return "=?UTF-8?B?\(Data(flat.utf8).base64EncodedString())?="
    }
}
