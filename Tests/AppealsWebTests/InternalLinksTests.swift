import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import AppealsWeb

/// Every page as each audience sees it, at the pinned instant: each `href`, `src` and form `action` that names a
/// path of the portal must be a route in the route table (a form's with its method), and each `/static/` file
/// must exist in `public/`. Pages are found by walking the table's GET routes (parameters filled from the seeded
/// data) and then the links on the pages themselves.
@Suite("Internal links: every link and form on every page leads to a route the portal has")
struct InternalLinksTests {
    /// A link as a page has it: its target (query and fragment included), the form's method (nil for a link,
    /// which any method of the route satisfies), and the page it is on.
    struct Link: Hashable, Sendable {
        let target: String
        let method: String?
        let page: String
    }

    /// What the walk found: the links, and the routes whose page was rendered.
    final class Findings: @unchecked Sendable {
        var links: [Link] = []
        var seen: Set<String> = []
        var rendered: Set<String> = []

        func add(_ found: [Link]) {
            for link in found where seen.insert("\(link.method ?? "ANY") \(link.target)").inserted { links.append(link) }
        }
    }

    /// The same page is looked at with this many different paths at most (one case page, not all of them).
    static let pathsPerRoute = 3

    @Test func everyInternalLinkOnEveryPageLeadsToARegisteredRoute() async throws {
        let table = RouteTable()
        let configuration = WebTest.configuration()
        let findings = Findings()
        try await StaffRouteMatrixTests.withWorld(table, configuration: configuration) { client, world in
            try await Self.walkCitizenPages(table.entries, findings, world, on: client)
            try await Self.walkStaffPages(table.entries, findings, world, configuration, on: client)
        }
        // Every link found leads somewhere.
        let routes = table.entries
        let publicFolder = URL(fileURLWithPath: configuration.publicFolder)
        for link in findings.links {
            let path = Self.pathOnly(link.target)
            if path.hasPrefix(ServiceURL.staticFiles.path + "/") {
                let file = publicFolder.appendingPathComponent(String(path.dropFirst(ServiceURL.staticFiles.path.count + 1))).path
                #expect(FileManager.default.fileExists(atPath: file), "\(link.page) names \(link.target), which is not in public/")
                continue
            }
            let matching = routes.filter { RoutePattern.matches(path, pattern: $0.path) }
            if let method = link.method {
                #expect(matching.contains { $0.method == method }, "\(link.page): \(method) \(link.target) has no route")
            } else {
                #expect(!matching.isEmpty, "\(link.page): \(link.target) has no route")
            }
        }
        // The walk saw the pages that carry most links (so a quiet pass is not an empty one).
        for page in [
            "/", "/status", "/appeal/check", "/staff", "/staff/queue", "/staff/cases/{reference}", "/staff/team", "/agent",
            "/staff/letters", "/staff/letters/batches/{id}", "/staff/appeals/{draft}", "/staff/dashboard", "/staff/dashboard/cases",
            "/staff/audit", "/staff/admin", "/staff/admin/staff/{id}", "/staff/admin/api-keys",
        ] {
            #expect(findings.rendered.contains(page), "\(page) was not rendered")
        }
        #expect(findings.links.count > 100)
    }

    /// Citizens: the public pages, a second journey left at the check page, and status pages in several states.
    static func walkCitizenPages(
        _ routes: [RouteTable.Entry], _ findings: Findings, _ world: StaffRouteMatrixTests.World, on client: any TestClientProtocol
    ) async throws {
        let db = try #require(world.db)
        try await walk(["/", "/status", "/appeal", "/appeal/ticket"], as: Browser(), routes, findings, on: client)
        let journey = Browser()
        let photo = try AppealEvidenceTests.corpusFile("orientation-1.jpg")
        try await AppealJourneyTests.fillIn(journey, ticket: "pcn-2", plate: "xy98zzz", late: true, evidence: [photo], on: client)
        try await walk(
            ["/appeal/details", "/appeal/evidence", "/appeal/contact", "/appeal/check"], as: journey, routes, findings, on: client)
        let lookUps = try await db.strings(
            """
            SELECT MIN(c.reference || '|' || t.plate) AS v FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
            WHERE c.state IN ('submitted', 'awaiting_citizen', 'decided', 'withdrawn') GROUP BY c.state
            """)
        for lookUp in lookUps {
            let parts = lookUp.split(separator: "|").map(String.init)
            let citizen = try await Browser.open("/status", on: client)
            let html = try await citizen.post("/status", [("reference", parts[0]), ("plate", parts[1])], on: client) { response in
                #expect(response.status == .ok, "status of \(parts[0])")
                return response.text
            }
            let found = links(in: html, page: "POST /status (\(parts[0]))")
            findings.add(found)
            try await walk(found.filter { $0.method == nil }.map(\.target), as: citizen, routes, findings, on: client)
        }
    }

    /// Staff: a letter batch and a typed-in appeal to look at, then every role's pages.
    static func walkStaffPages(
        _ routes: [RouteTable.Entry], _ findings: Findings, _ world: StaffRouteMatrixTests.World, _ configuration: AppConfiguration,
        on client: any TestClientProtocol
    ) async throws {
        let db = try #require(world.db)
        let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
        _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 10)
        let eve = try await StaffTest.signIn("eve", on: client)
        try await eve.get("/staff/letters", on: client) { _ in }
        let batch = try await eve.post("/staff/letters/batches", [("until", "2026-11-23T10:00")], on: client) {
            $0.headers[.location]
        }
        let draft = try await typedInAppeal(db, on: client)
        for person in StaffRouteMatrixTests.people {
            let browser = try await StaffTest.signIn(person, on: client)
            let account = try #require(DemoCases.staff.first { $0.id == person })
            let roles = Set(account.roles)
            var starts: [String] = []
            for route in routes where route.method == "GET" {
                guard case .staff(let admitted) = route.rule, !roles.isDisjoint(with: admitted) else { continue }
                let path = StaffRouteMatrixTests.concrete(route.path, world)
                if !path.contains("{") { starts.append(path) }
            }
            try await walk(starts + [batch, draft].compactMap { $0 }, as: browser, routes, findings, on: client)
        }
    }

    /// An appeal an agent types in for a caller, with one photo: the path of its files page.
    static func typedInAppeal(_ db: AppDatabase, on client: any TestClientProtocol) async throws -> String? {
        let dan = try await StaffTest.signIn("dan", on: client)
        try await dan.get("/staff/appeals/new", on: client) { _ in }
        let ticket = try await AssistedAppealTests.freeTicket(db)
        let answers =
            [("arrived_by", "phone"), ("ticket_number", ticket.number), ("plate", ticket.plate)] + AssistedAppealTests.grounds
            + [AssistedAppealTests.statement, AssistedAppealTests.lateReason] + AssistedAppealTests.contact
        let draft = try await dan.post("/staff/appeals/new", answers, on: client) { $0.headers[.location] }
        guard let draft else { return nil }
        let photo = try AppealEvidenceTests.corpusFile("orientation-1.jpg")
        try await dan.upload("\(draft)/evidence", files: [photo], on: client) { _ in }
        return draft
    }

    @Test func aLinkToNoRouteIsFound() {
        let routes = [RouteTable.Entry(method: "GET", path: "/staff/cases/{reference}", rule: .everyone)]
        let page = #"""
            <a href="/staff/cases/ABC?timeline=2&amp;x=1#timeline">case</a> <a href="https://example.org/">away</a>
            <form method="post" action="/staff/case/ABC/note"><a href="tel:+15550100">call</a></form>
            """#
        let links = Self.links(in: page, page: "test")
        #expect(links.map(\.target) == ["/staff/cases/ABC?timeline=2&x=1#timeline", "/staff/case/ABC/note"])
        #expect(links.map(\.method) == [nil, "POST"])
        #expect(RoutePattern.matches(Self.pathOnly(links[0].target), pattern: routes[0].path))
        #expect(!RoutePattern.matches(Self.pathOnly(links[1].target), pattern: routes[0].path))
    }

    /// Opens each path (and then each path its pages link to) as this browser; records links and rendered routes.
    static func walk(
        _ starts: [String], as browser: Browser, _ routes: [RouteTable.Entry], _ findings: Findings, on client: any TestClientProtocol
    ) async throws {
        var queue = starts
        var visited: Set<String> = []
        var perRoute: [String: Int] = [:]
        while !queue.isEmpty {
            let uri = queue.removeFirst()
            let path = pathOnly(uri)
            guard path.hasPrefix("/"), !path.hasPrefix(ServiceURL.staticFiles.path + "/"), visited.insert(uri).inserted,
                let route = routes.first(where: { $0.method == "GET" && RoutePattern.matches(path, pattern: $0.path) }),
                perRoute[route.path, default: 0] < pathsPerRoute
            else { continue }
            perRoute[route.path, default: 0] += 1
            let (status, type, html) = try await browser.get(uri, on: client) {
                ($0.status, $0.headers[.contentType] ?? "", $0.text)
            }
            guard type.hasPrefix("text/html") else { continue }
            if status == .ok { findings.rendered.insert(route.path) }
            let found = links(in: html, page: "GET \(uri) (\(status.code))")
            findings.add(found)
            queue += found.filter { $0.method == nil || $0.method == "GET" }.map(\.target)
        }
    }

    /// The internal links of a page: `href`, `src` and `formaction` (any method), and each form's `action` with its
    /// method. Targets are unescaped as a browser reads them; anything not starting with one `/` is not ours.
    static func links(in html: String, page: String) -> [Link] {
        var found: [Link] = []
        for tag in html.matches(of: /<([a-zA-Z]+)\b([^>]*)>/) {
            var attributes: [String: String] = [:]
            for attribute in tag.output.2.matches(of: /([a-zA-Z-]+)="([^"]*)"/) {
                attributes[attribute.output.1.lowercased()] = String(attribute.output.2)
            }
            let isForm = tag.output.1.lowercased() == "form"
            for name in ["href", "src", "action", "formaction"] {
                guard let raw = attributes[name] else { continue }
                let target = unescape(raw)
                guard target.hasPrefix("/"), !target.hasPrefix("//") else { continue }
                let method = isForm && name == "action" ? (attributes["method"]?.uppercased() ?? "GET") : nil
                found.append(Link(target: target, method: method, page: page))
            }
        }
        return found
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The path alone, without query or fragment.
    static func pathOnly(_ target: String) -> String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }
}
