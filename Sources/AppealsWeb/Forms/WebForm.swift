import AppealsServices
import Hummingbird

/// A form a page posts, decoded from its urlencoded body by Hummingbird's `URLEncodedFormDecoder`
/// (``AppRequestContext/form(_:)``). A browser leaves out empty checkboxes and disabled fields, so fields are
/// optional; the handler decides what a missing one means. Every form also carries `csrf_token`, checked by
/// ``CSRFMiddleware`` before any handler runs and ignored here.
protocol WebForm: Decodable, Sendable {}

/// A field name made from a value (`ground_permit_displayed`, `reply_other`), for forms with one field per value.
struct FormKey: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == FormKey {
    /// The text of each field named `prefix` + a value, by value (`reply_other=…` gives `["other": …]`).
    func fields(prefixed prefix: String) -> [String: String] {
        var found: [String: String] = [:]
        for key in allKeys where key.stringValue.hasPrefix(prefix) {
            found[String(key.stringValue.dropFirst(prefix.count))] = (try? decode(String.self, forKey: key)) ?? ""
        }
        return found
    }

    func text(_ name: String) -> String? { try? decodeIfPresent(String.self, forKey: FormKey(name)) }
}

extension AppRequestContext {
    /// The posted form as `Form`; a body that is not a well-formed form (a repeated field, a broken escape) is a 400.
    func form<Form: WebForm>(_ type: Form.Type) throws -> Form {
        do { return try URLEncodedFormDecoder().decode(Form.self, from: formBody) } catch { throw RequestError.malformed }
    }

    /// A GET form's fields from the query string, decoded as a browser encodes them ("+" is a space). (A query that
    /// would hold a NUL once decoded never reaches a handler: ``NULQueryMiddleware``.)
    func query<Form: WebForm>(_ type: Form.Type, of request: Request) throws -> Form {
        do { return try URLEncodedFormDecoder().decode(Form.self, from: request.uri.query ?? "") } catch { throw RequestError.malformed }
    }
}
