import AppealsDomain
import AppealsServices
import Foundation
import Mustache

/// Messages' words from `templates/email/` and `templates/sms/`: the subject, the HTML body (in a plain frame)
/// and the same words as plain text, and the text message, each from the case's status as the status page words it.
public struct TemplateMessages: MessageComposer {
    let library: MustacheLibrary
    let authority: Authority

    public init(templatesFolder: String, authority: Authority) async throws {
        library = try await MustacheLibrary(directory: templatesFolder)
        self.authority = authority
    }

    struct MessageView: Sendable, Encodable {
        let kind: Label
        let name: String
        let reference: String
        let ticketNumber: String
        let question: String?
        /// The words staff wrote, a paragraph each (a `staffMessage`), and the same on one line for a text.
        let paragraphs: [String]
        let message: String?
        /// When we will call back ("on 8 December 2026, in the morning"), for a `callbackBooked` message.
        let callbackWindow: String?
        let status: StatusScript
        let statusURL: String
        let site: Site
        struct Site: Sendable, Encodable {
            let phone: String
            let authorityName: String
        }
    }

    struct Frame: Sendable, Encodable {
        let subject: String
        let body: String
    }

    struct MissingTemplate: Error { let name: String }

    public func compose(_ kind: NotificationKind, status: CaseStatus, contact: AppealDetails, message: String?) throws -> ComposedMessage {
        let view = ViewTree.tree(
            MessageView(
                kind: Label(kind), name: contact.contactName, reference: status.reference.grouped, ticketNumber: status.ticket.number.value,
                question: status.question, paragraphs: Self.paragraphs(message ?? ""),
                message: message.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") },
                callbackWindow: kind == .callbackBooked ? message.flatMap(CallbackWindow.init(id:)).map(Self.words) : nil,
                status: StatusScript(status, timeZone: authority.zone),
                statusURL: "\(authority.publicURL)/status?reference=\(status.reference.value)",
                site: .init(phone: authority.phone, authorityName: authority.name)))
        func render(_ name: String, _ values: Any) throws -> String {
            guard let text = library.render(values, withTemplate: name) else { throw MissingTemplate(name: name) }
            return text
        }
        let subject = MarkupText.plain(try render("email/subject", view)).replacingOccurrences(of: "\n", with: " ")
        let body = try render("email/body", view)
        let html = try render("email/html", ViewTree.tree(Frame(subject: subject, body: body)))
        let sms = MarkupText.plain(try render("sms/text", view)).replacingOccurrences(of: "\n", with: " ")
        return ComposedMessage(subject: subject, text: MarkupText.plain(body), html: html, sms: sms)
    }

    struct AnswerView: Sendable, Encodable {
        let paragraphs: [String]
        let message: String
        let startURL: String
        let site: MessageView.Site
    }

    public func composeAnswer(_ words: String, subject: String) throws -> ComposedMessage {
        let view = ViewTree.tree(
            AnswerView(
                paragraphs: Self.paragraphs(words), message: words.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                startURL: "\(authority.publicURL)/status", site: .init(phone: authority.phone, authorityName: authority.name)))
        func render(_ name: String, _ values: Any) throws -> String {
            guard let text = library.render(values, withTemplate: name) else { throw MissingTemplate(name: name) }
            return text
        }
        let body = try render("email/answer", view)
        let html = try render("email/html", ViewTree.tree(Frame(subject: subject, body: body)))
        let sms = MarkupText.plain(try render("sms/answer", view)).replacingOccurrences(of: "\n", with: " ")
        return ComposedMessage(subject: subject, text: MarkupText.plain(body), html: html, sms: sms)
    }

    /// "on 8 December 2026, in the morning (before noon)"
    static func words(_ window: CallbackWindow) -> String {
        "on \(LongDate.text(window.day)), " + (window.part == .morning ? "in the morning (before noon)" : "in the afternoon")
    }

    /// Words as typed, a paragraph at each blank line (a single line break stays inside its paragraph).
    public static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
    }
}

/// HTML made plain text: a paragraph, quotation or line break ends a line, tags go, entities are undone, runs of
/// white space become one space, and paragraphs are separated by a blank line.
public enum MarkupText {
    public static func plain(_ html: String) -> String {
        let broken = html.replacing(/<\/p>|<\/blockquote>|<br\s*\/?>|<blockquote>/, with: "\n\n").replacing(/<!--.*?-->|<[^>]*>/, with: "")
        let unescaped = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#x2F;", "/"), ("&amp;", "&")]
            .reduce(broken) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        return unescaped.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }
}
