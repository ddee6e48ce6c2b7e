import Foundation

/// What a bounce says about one of the portal's own messages, so the outbox can mark it failed (or, for a
/// "still retrying" warning, leave it alone) instead of filing the bounce on a case as if the citizen wrote it.
public struct DeliveryReport: Sendable, Equatable {
    /// Any recipient with `Action: failed`; delayed, delivered, relayed and expanded are not failures.
    public var failed: Bool
    /// The Message-ID of the returned original, without angle brackets.
    public var originalMessageID: String?
    /// The recipient address the report is about, lowercased.
    public var recipient: String?
    /// The Diagnostic-Code text, or the Status code when there is none.
    public var diagnostic: String?

    public init(failed: Bool, originalMessageID: String? = nil, recipient: String? = nil, diagnostic: String? = nil) {
        self.failed = failed
        self.originalMessageID = originalMessageID
        self.recipient = recipient
        self.diagnostic = diagnostic
    }

    /// Reads an RFC 3464 `multipart/report; report-type=delivery-status`; nil for anything else.
    static func read(_ root: MIMEPart) -> DeliveryReport? {
        guard root.mediaType == "multipart/report",
            root.contentType.parameters["report-type"]?.lowercased() == "delivery-status"
        else { return nil }
        let parts = root.leaves
        guard let status = parts.first(where: { $0.mediaType.hasSuffix("delivery-status") }) else { return nil }
        let groups = fieldGroups(status.decodedBody)
        let recipients = groups.dropFirst()
        let failing = recipients.first { ($0["action"] ?? "").lowercased().hasPrefix("failed") }
        let chosen = failing ?? recipients.first
        var report = DeliveryReport(failed: failing != nil)
        if let chosen {
            report.recipient = (chosen["final-recipient"] ?? chosen["original-recipient"]).map(address(fromTyped:))
            if let code = chosen["diagnostic-code"] {
                report.diagnostic = address(fromTyped: code, lowercase: false)
            } else {
                report.diagnostic = chosen["status"]
            }
        }
        for part in parts where part.mediaType == "message/rfc822" || part.mediaType == "text/rfc822-headers" {
            let original = MailHeaders.parse(part.decodedBody[...]).headers
            if let id = original["message-id"].flatMap(MessageIDs.first) {
                report.originalMessageID = id
                break
            }
        }
        if report.originalMessageID == nil {
            report.originalMessageID = groups.first?["x-original-message-id"].flatMap(MessageIDs.first)
        }
        return report
    }

    /// The per-message group then one group per recipient, separated by empty lines.
    private static func fieldGroups(_ bytes: [UInt8]) -> [MailHeaders] {
        var groups: [MailHeaders] = []
        var rest = bytes[...]
        while !rest.isEmpty, groups.count < MIMEPart.maximumParts {
            let (headers, bodyStart) = MailHeaders.parse(rest)
            if !headers.fields.isEmpty { groups.append(headers) }
            guard bodyStart > rest.startIndex else { break }
            rest = rest[bodyStart...]
        }
        return groups
    }

    /// `rfc822; someone@example.org` → `someone@example.org`.
    private static func address(fromTyped value: String) -> String {
        address(fromTyped: value, lowercase: true)
    }

    private static func address(fromTyped value: String, lowercase: Bool) -> String {
        let text = value.split(separator: ";", maxSplits: 1).last.map(String.init) ?? value
        let unfolded = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return lowercase ? unfolded.lowercased() : unfolded
    }
}

/// `<id@host>` lists as in Message-ID, In-Reply-To and References.
enum MessageIDs {
    /// Threads longer than this are cut: only the first ids matter for matching a reply.
    static let maximumCount = 100

    /// Every id in angle brackets, or the whole trimmed value when there are none.
    static func all(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while ids.count < maximumCount, let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !bare.isEmpty && !bare.contains(" ") { ids.append(bare) }
        }
        return ids
    }

    static func first(_ value: String) -> String? { all(value).first }
}
