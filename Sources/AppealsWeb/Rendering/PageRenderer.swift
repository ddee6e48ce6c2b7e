import AppealsServices
import AppealsWords
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

    public struct SiteContext: Sendable, Encodable {
        let authorityName: String
        let phone: String
        let postalAddress: String
    }

    public init(templatesFolder: String, authority: Authority) async throws {
        library = try await MustacheLibrary(directory: templatesFolder)
        site = SiteContext(authorityName: authority.name, phone: authority.phone, postalAddress: authority.postalAddress)
    }

    struct Envelope<Page: Sendable & Encodable>: Sendable, Encodable {
        let site: SiteContext
        let requestID: String
        let page: Page
    }

    /// The rendered page; a template that does not exist is a programming error surfaced as a 500.
    public func render<Page: Sendable & Encodable>(
        _ template: String, page: Page, context: some RequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let values = ViewTree.tree(Envelope(site: site, requestID: context.id, page: page))
        guard let html = library.render(values, withTemplate: template) else {
            throw MissingTemplate(name: template)
        }
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// One template rendered with `value` as its only context (no layout, no `site`): for a fragment such as a
    /// partial that words a fact.
    func fragment(_ template: String, value: some Sendable & Encodable) -> String? {
        library.render(ViewTree.tree(value), withTemplate: template)
    }

    /// A template rendered with `site` and `page` but no layout, as text (the API's words).
    func text(_ template: String, page: some Sendable & Encodable) throws -> String {
        guard let text = library.render(ViewTree.tree(Envelope(site: site, requestID: "", page: page)), withTemplate: template) else {
            throw MissingTemplate(name: template)
        }
        return text
    }

    struct MissingTemplate: Error { let name: String }
}
