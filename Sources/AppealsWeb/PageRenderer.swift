import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates of `templates/` inside the site layout.
///
/// Every page receives `site` (the authority's name and contact details) and `requestID`; the page's own
/// values come as `page`.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let site: SiteContext

    public struct SiteContext: Sendable {
        let authorityName: String
        let phone: String
        let postalAddress: String
    }

    public init(templatesFolder: String, authority: AppConfiguration.Authority) async throws {
        library = try await MustacheLibrary(directory: templatesFolder)
        site = SiteContext(authorityName: authority.name, phone: authority.phone, postalAddress: authority.postalAddress)
    }

    struct Envelope<Page: Sendable>: Sendable {
        let site: SiteContext
        let requestID: String
        let page: Page
    }

    /// The rendered page; a template that does not exist is a programming error surfaced as a 500.
    public func render<Page: Sendable>(
        _ template: String, page: Page, context: some RequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let values = ViewTree.dictionaries(Envelope(site: site, requestID: context.id, page: page))
        guard let html = library.render(values, withTemplate: template) else {
            throw MissingTemplate(name: template)
        }
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    struct MissingTemplate: Error { let name: String }
}

/// A view model turned into nested dictionaries once per page. swift-mustache reads a dictionary directly but a
/// struct through `Mirror`, building the mirror again for every `{{name}}` (and for every level of the context
/// stack it climbs): on the status page that was more than half of the server's CPU time.
enum ViewTree {
    static func dictionaries(_ value: Any) -> Any {
        // Most values are leaves: answer them without building a mirror.
        if value is String || value is Bool || value is Int { return value }
        if let optional = value as? any OptionalValue { return optional.wrappedValue.map(dictionaries) as Any }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var result: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let value = unwrapped(child.value) else { continue }
                result[label] = dictionaries(value)
            }
            return result
        case .collection?:
            return mirror.children.compactMap { unwrapped($0.value).map(dictionaries) }
        default:
            return value // strings, numbers, booleans, enums
        }
    }

    /// nil for an Optional that holds nothing, so that the key is absent (as it reads through Mirror).
    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedValue
    }
}

protocol OptionalValue { var wrappedValue: Any? { get } }
extension Optional: OptionalValue {
    var wrappedValue: Any? { self.flatMap { ($0 as? any OptionalValue)?.wrappedValue ?? $0 } }
}
