import Foundation

/// One inbound e-mail as the portal reads it: citizens answer the portal's e-mails (issue 25), and each reply must
/// land on its case with the new words shown, the quoted history collapsed, attachments sent to the evidence
/// pipeline, and auto-replies and bounces recognised. Pure: bytes in, value out, no I/O or clock.
public struct InboundEmail: Sendable, Equatable {
    /// Larger inputs are refused before any parsing.
    public static let maximumSize = 30 * 1024 * 1024

    /// Without the angle brackets.
    public var messageID: String?
    /// Display name decoded (RFC 2047), address lowercased.
    public var from: MailAddress?
    public var replyTo: MailAddress?
    /// To and Cc together, in order.
    public var to: [MailAddress]
    /// RFC 2047 decoded, unfolded, trimmed, runs of white space made one space.
    public var subject: String
    public var date: Date?
    /// Message ids without `<>`, from In-Reply-To then References, no duplicates.
    public var inReplyTo: [String]
    /// RFC 3834 `Auto-Submitted` other than `no`, `X-Autoreply`, `X-Autorespond`, `Precedence` (or `X-Precedence`)
    /// auto_reply/bulk/junk/list, or any `multipart/report` (bounces, delay warnings, read receipts).
    public var isAutomatic: Bool
    /// Set for `multipart/report; report-type=delivery-status` (RFC 3464).
    public var deliveryReport: DeliveryReport?
    /// The whole body as plain text: the text/plain part, else the HTML part turned into readable text.
    public var text: String
    /// The sender's own new words: `text` without quoted history, signature and footers, trimmed.
    public var newText: String
    /// Non-text parts with a filename, `Content-Disposition: attachment` parts, and inline images.
    public var attachments: [MailAttachment]

    public init(
        messageID: String? = nil, from: MailAddress? = nil, replyTo: MailAddress? = nil, to: [MailAddress] = [],
        subject: String = "", date: Date? = nil, inReplyTo: [String] = [], isAutomatic: Bool = false,
        deliveryReport: DeliveryReport? = nil, text: String = "", newText: String = "", attachments: [MailAttachment] = []
    ) {
        self.messageID = messageID
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.subject = subject
        self.date = date
        self.inReplyTo = inReplyTo
        self.isAutomatic = isAutomatic
        self.deliveryReport = deliveryReport
        self.text = text
        self.newText = newText
        self.attachments = attachments
    }

    public static func parse(_ bytes: [UInt8]) throws(MailParseError) -> InboundEmail {
        guard bytes.count <= maximumSize else { throw .tooLarge }
        var budget = MIMEPart.maximumParts
        let root = MIMEPart.parse(bytes[...], depth: 0, budget: &budget)
        let headers = root.headers
        guard !headers.fields.isEmpty else { throw .notAMessage }

        var email = InboundEmail()
        email.messageID = headers["message-id"].flatMap(MessageIDs.first)
        email.from = headers["from"].flatMap { MailAddress.list($0).first }
        email.replyTo = headers["reply-to"].flatMap { MailAddress.list($0).first }
        email.to = (headers.all("to") + headers.all("cc")).flatMap(MailAddress.list)
        email.subject = EncodedWords.decode(headers["subject"] ?? "")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
        email.date = headers["date"].flatMap(MailDate.parse)
        var seen: Set<String> = []
        email.inReplyTo = (headers.all("in-reply-to") + headers.all("references")).flatMap(MessageIDs.all)
            .filter { seen.insert($0).inserted }
        email.deliveryReport = DeliveryReport.read(root)
        email.isAutomatic = isAutomatic(headers) || root.mediaType == "multipart/report"

        let pieces = bodyPieces(root).prefix(10)
        email.text = MailText.tidy(
            pieces.map { $0.isHTML ? MailText.fromHTML($0.text) : $0.text.replacingOccurrences(of: "\u{FEFF}", with: "") }
                .joined(separator: "\n\n"))
        email.newText = MailText.tidy(
            pieces.map { QuotedHistory.newText($0.isHTML ? MailText.fromHTML($0.text, dropQuotes: true) : $0.text) }
                .joined(separator: "\n\n"))
        email.attachments = root.leaves.compactMap(attachment)
        return email
    }

    /// RFC 3834 and the older vacation-program headers.
    private static func isAutomatic(_ headers: MailHeaders) -> Bool {
        func token(_ name: String) -> String? {
            headers[name].map { ($0.split(separator: ";").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
        }
        if let submitted = token("auto-submitted"), submitted != "no", !submitted.isEmpty { return true }
        if let reply = token("x-autoreply"), reply != "no" { return true }
        if headers["x-autorespond"] != nil { return true }
        let bulk: Set<String> = ["auto_reply", "bulk", "junk", "list"]
        return [token("precedence"), token("x-precedence")].contains { $0.map(bulk.contains) ?? false }
    }

    /// The readable parts: in an alternative the plain one (unless empty), in a report the human part only.
    private static func bodyPieces(_ part: MIMEPart) -> [(isHTML: Bool, text: String)] {
        if !part.isMultipart {
            guard part.isBodyText else { return [] }
            return [(part.mediaType == "text/html", part.decodedText)]
        }
        switch part.mediaType {
        case "multipart/alternative":
            let options = part.children.map(bodyPieces).filter { !$0.isEmpty }
            let hasWords = { (pieces: [(isHTML: Bool, text: String)]) in
                pieces.contains { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            }
            return options.first { !$0.contains(where: \.isHTML) && hasWords($0) } ?? options.first(where: hasWords)
                ?? options.first ?? []
        case "multipart/report":
            return part.children.first.map(bodyPieces) ?? []
        default:
            return part.children.flatMap(bodyPieces)
        }
    }

    private static func attachment(_ part: MIMEPart) -> MailAttachment? {
        let type = part.mediaType
        let reportTypes: Set<String> = [
            "message/delivery-status", "message/global-delivery-status", "message/disposition-notification",
            "text/rfc822-headers",
        ]
        guard !part.isBodyText, !reportTypes.contains(type) else { return nil }
        let disposition = part.disposition?.value
        let wanted = part.filename != nil || disposition == "attachment" || (disposition == "inline" && type.hasPrefix("image/"))
        guard wanted else { return nil }
        return MailAttachment(filename: part.filename ?? "attachment", contentType: type, data: part.decodedBody)
    }
}
