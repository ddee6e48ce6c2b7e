import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Nothing a request carries may stop the portal: a Swift trap (an overflow, a `!` of nil, an index out of range)
/// ends the process for everyone. Every registered route (the route table, so a new route is covered without
/// anyone adding it here) gets hostile values in every parameter the web layer reads (found in its sources, so a
/// new parameter is covered too), as anonymous visitor, citizen and every staff role, plus hostile bodies,
/// content types and cookies. Each answer must be a page, never a 5xx, and `/healthz` must still answer.
@Suite("Hostile input on every route")
struct HostileInputTests {
    /// Already in URL-encoded form, so that invalid UTF-8 and bad escapes reach the server as sent.
    static let values: [String] = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999999", "-1", "0",
        "1e308", "NaN", "%2499999999999999999.99", "99999999999.999",
        String(repeating: "A", count: 10_000), "%00", "a%00b%01%1b%7f", "%ff%fe%fd", "%", "%zz", "%%41",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "'%20OR%201%3D1%20--",
    ]
    /// Values for the parameter-by-parameter pass, where the other parameters hold sensible values: numbers past
    /// every bound, and a NUL written so that a single pass removing `%00` makes it `%00` again (PostgreSQL refuses a
    /// NUL in a bound text parameter, so one that reaches a query is a 500 there). The other ways of writing a NUL are
    /// sent to every parameter at once above, and to the parameters read outside forms by the NUL test below; each
    /// value here costs about a minute of the suite.
    static let numericValues: [String] = [
        "9223372036854775807", "-9223372036854775808", "%2499999999999999999.99",
        String(repeating: "9", count: 10_000), "%ff", "%0%000",
    ]

    /// Every parameter name the web layer reads from a query, a form or an upload: query look-ups and upload
    /// fields by name, and each ``WebForm``'s fields (its properties, the names its coding keys give them, the names
    /// it reads itself, and one name per value for fields made from a prefix and a value).
    static func parameterNames() throws -> [String] {
        let folder = TestDatabase.repositoryRoot.appendingPathComponent("Sources/AppealsWeb")
        var names: Set<String> = ["csrf_token", "website"]
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            let source = try String(contentsOf: url, encoding: .utf8)
            for match in source.matches(of: /(?:fields|queryParameters)\["([a-z_]+)"\]/) { names.insert(String(match.1)) }
            // Query readers that take a name: `value("figure")`, `parse("age") { … }`, `required("kind", …)`,
            // `query("page")`, `text("actor", 100)`.
            for match in source.matches(of: /(?:value|parse|required|query|text)\("([a-z_]+)"/) { names.insert(String(match.1)) }
            guard source.contains(": WebForm {") else { continue }
            for match in source.matches(of: /let ([a-z][A-Za-z]*): (?:String|\[String\])\?/) { names.insert(String(match.1)) }
            for match in source.matches(of: /case [a-zA-Z]+ = "([a-z_]+)"/) { names.insert(String(match.1)) }
            for match in source.matches(of: /fields\.text\("([a-z_]+)"\)/) { names.insert(String(match.1)) }
            for match in source.matches(of: /prefixed: "([a-z]+_)"/) {
                let prefix = String(match.1)
                [Ground.permitDisplayed.rawValue, Ground.other.rawValue, Role.reviewer.rawValue, "stolen_vehicles"].forEach {
                    names.insert(prefix + $0)
                }
            }
            // A list field is sent as name[].
            for match in source.matches(of: /case [a-zA-Z]+ = "([a-z_]+)"\n/) where source.contains("[String]?") {
                names.insert(String(match.1) + "[]")
            }
        }
        #expect(
            [
                "page", "figure", "period", "age", "month", "actor", "event", "case", "amount", "reply_other", "ticket_number",
                "reason_code", "csrf_token", "case[]",
                "version", "to",
            ].allSatisfy(
                names.contains), "\(names.sorted())")
        return names.sorted()
    }

    /// What each parameter holds when it is not the one under attack (on `path`: `to` is a person on the team's
    /// pages and a day on the audit trail's and the dashboard's).
    static func baseline(_ name: String, _ world: StaffRouteMatrixTests.World, path: String = "") -> String {
        switch name {
        case "reference", "case": world.reference
        case "to" where path.hasPrefix("/staff/audit") || path.hasPrefix("/staff/dashboard"): "2026-11-30"
        case "plate": "AB12CDE"
        case "ticket_number": "PCN1"
        case "outcome": "reduced"
        case "amount": "10.00"
        case "reason_code": "evidence_accepted"
        case "action": "confirm"
        case "confirm": "yes"
        case "email": "ana@riverton.example"
        case "password": "wrong-password-for-test"
        case "channel": "letter"
        case "day": "2026-12-25"
        case "page", "version", "length", "warning", "timeline", "moved": "1"
        case "view": "team"
        case "figure": "received"
        case "period": "range"
        case "from": "2026-11-01"
        case "month": "2026-11"
        case "kind": "decision"
        case "result": "late"
        case "calls": "all"
        case "letters": "posted"
        case "age": "2"
        case "state": "submitted"
        case "next": "/staff"
        case "to": "ana"
        case "id": world.photo
        case "csrf_token", "website": ""
        default: "text"
        }
    }

    static func encode(_ pairs: [(String, String)]) -> String { pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&") }

    /// A person and how they present themselves: nobody, a citizen mid-appeal, or signed-in staff.
    struct Visitor: Sendable {
        let name: String
        let browser: Browser
    }

    @Test func noRouteAnswersHostileInputWithAServerErrorOrStops() async throws {
        let table = RouteTable()
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 0  // reach the handlers, not the limit's page
        let names = try Self.parameterNames()
        try await StaffRouteMatrixTests.withWorld(table, configuration: configuration) { client, world in
            let citizen = Browser()
            try await AppealJourneyTests.fillIn(citizen, ticket: "pcn-2", plate: "xy98zzz", late: true, on: client)
            var visitors = [
                Visitor(name: "anonymous", browser: try await Browser.open("/", on: client)), Visitor(name: "citizen", browser: citizen),
            ]
            for person in StaffRouteMatrixTests.people {
                visitors.append(Visitor(name: person, browser: try await StaffTest.signIn(person, on: client)))
            }
            // Signing out last, so that every other route is tried signed in.
            let routes = table.entries.sorted { !$0.path.hasSuffix("sign-out") && $1.path.hasSuffix("sign-out") }
            #expect(routes.count > 50, "every route of the portal is in the table: \(routes.count)")
            var requests = 0
            func send(
                _ visitor: Visitor, _ method: String, _ path: String, query: String = "", body: String? = nil,
                contentType: String? = "application/x-www-form-urlencoded", rawBody: ByteBuffer? = nil,
                cookie: String? = nil, what: String
            ) async throws {
                requests += 1
                var headers: HTTPFields = [.cookie: cookie ?? visitor.browser.cookie]
                if let contentType { headers[.contentType] = contentType }
                // The status API's routes are tried with a key that may do everything.
                if path.hasPrefix("/api/") { headers[.authorization] = "Bearer \(StatusAPITests.full)" }
                let uri = query.isEmpty ? path : path + "?" + query
                let buffer = rawBody ?? body.map { ByteBuffer(string: $0) }
                try await client.execute(uri: uri, method: method == "GET" ? .get : .post, headers: headers, body: buffer) { response in
                    #expect(response.status.code < 500, "\(method) \(path) as \(visitor.name): \(what) → \(response.status.code)")
                }
            }
            for route in routes {
                let admitted: [Visitor] =
                    switch route.rule {
                    case .everyone: visitors
                    case .staff(let roles):
                        visitors.filter { v in
                            guard let person = DemoCases.staff.first(where: { $0.id == v.name }) else { return v.name == "anonymous" }
                            return !roles.isDisjoint(with: person.roles)
                        }
                    }
                let path = StaffRouteMatrixTests.concrete(route.path, world)
                func fields(_ visitor: Visitor, overriding name: String? = nil, with value: String = "") -> [(String, String)] {
                    [("csrf_token", visitor.browser.token)]
                        + names.filter { $0 != "csrf_token" }.map { n in
                            (
                                n,
                                n == name
                                    ? value
                                    : Self.baseline(n, world, path: path).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                            )
                        }
                }
                // 1. Every parameter hostile at once, for everyone the route admits, and in the path.
                for visitor in admitted {
                    for value in Self.values {
                        let hostile = names.map { ($0 == "csrf_token" ? visitor.browser.token : value) }
                        let pairs = Array(zip(names, hostile))
                        if route.method == "GET" {
                            try await send(visitor, "GET", path, query: Self.encode(pairs), what: "every parameter = \(value.prefix(30))")
                        } else {
                            try await send(visitor, "POST", path, body: Self.encode(pairs), what: "every field = \(value.prefix(30))")
                        }
                        if route.path.contains("{") {
                            let hostilePath = route.path.replacing(/\{[a-z]+\}/, with: value)
                            try await send(
                                visitor, route.method, hostilePath, body: route.method == "POST" ? Self.encode(fields(visitor)) : nil,
                                what: "path parameter = \(value.prefix(30))")
                        }
                    }
                }
                // 2. One parameter at a time with the others sensible (to reach code behind validation), as the most
                //    privileged person the route admits; in the query of a GET as in the body of a POST.
                guard let visitor = admitted.last else { continue }
                for name in names where name != "csrf_token" {
                    for value in Self.numericValues {
                        if route.method == "GET" {
                            try await send(
                                visitor, "GET", path, query: Self.encode(fields(visitor, overriding: name, with: value)),
                                what: "\(name) = \(value.prefix(30))")
                        } else {
                            try await send(
                                visitor, "POST", path, body: Self.encode(fields(visitor, overriding: name, with: value)),
                                what: "\(name) = \(value.prefix(30))")
                        }
                    }
                }
                // 3. Bodies, content types, repeated parameters and cookies.
                let form = Self.encode(fields(visitor))
                try await send(
                    visitor, route.method, path, query: Self.encode(fields(visitor) + fields(visitor)), body: form + "&" + form,
                    what: "every parameter twice")
                guard route.method == "POST" else {
                    try await send(
                        visitor, "GET", path,
                        cookie:
                            "appeals_draft=%ff; appeals_status=..; appeals_staff=\(String(repeating: "f", count: 10_000)); appeals_csrf=%7f",
                        what: "hostile cookies")
                    continue
                }
                try await send(visitor, "POST", path, body: "", what: "empty body")
                try await send(visitor, "POST", path, body: form, contentType: nil, what: "no content type")
                try await send(visitor, "POST", path, body: form, contentType: "text/plain", what: "text/plain")
                try await send(visitor, "POST", path, body: "{\"amount\": 1e999}", contentType: "application/json", what: "JSON")
                var invalid = ByteBuffer(string: "csrf_token=\(visitor.browser.token)&")
                invalid.writeBytes([0x61, 0x3D, 0xFF, 0xFE, 0x00, 0xC3])
                try await send(visitor, "POST", path, rawBody: invalid, what: "invalid UTF-8 body")
                try await send(
                    visitor, "POST", path, contentType: "multipart/form-data; boundary=\(Self.boundary)",
                    rawBody: Self.manyParts(token: visitor.browser.token), what: "a multipart body of 100,000 parts")
                try await send(visitor, "POST", path, body: form, contentType: "multipart/form-data", what: "multipart without a boundary")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            print("hostile-input test: \(routes.count) routes, \(names.count) parameters, \(requests) requests")
        }
    }

    /// A NUL has no use in any field, and PostgreSQL refuses it in text (a 500): a parameter that holds one once
    /// decoded is refused (400) wherever it is read, the query (`queryParameters` and GET forms) as the posted form,
    /// however it is escaped (one pass that removes `%00` turns `%0%000` into `%00`).
    @Test func aParameterHoldingANULOnceDecodedIsRefusedWhereverItIsRead() async throws {
        let table = RouteTable()
        var configuration = WebTest.configuration()
        configuration.lookUpLimit = 0
        try await StaffRouteMatrixTests.withWorld(table, configuration: configuration) { client, world in
            let gus = try await StaffTest.signIn("gus", on: client)
            let dan = try await StaffTest.signIn("dan", on: client)
            for nul in ["%00", "a%00b", "%0%000", "%0%0000", "%00%00"] {
                for query in ["actor=\(nul)", "event=\(nul)", "case=&actor=ana&event=\(nul)"] {
                    try await gus.get("/staff/audit?\(query)", on: client) {
                        #expect($0.status == .badRequest, "audit trail ?\(query) → \($0.status.code)")
                    }
                }
                try await gus.get("/staff/dashboard/cases?figure=decided&period=30-days&reviewer=\(nul)", on: client) {
                    #expect($0.status == .badRequest, "dashboard reviewer=\(nul) → \($0.status.code)")
                }
                try await dan.get("/agent?q=\(nul)", on: client) { #expect($0.status == .badRequest, "agent q=\(nul) → \($0.status.code)") }
                // A posted form: the body, decoded once (with the anti-forgery token of Dan's session).
                try await dan.get("/staff/cases/\(world.reference)", on: client) { #expect($0.status == .ok) }
                let body = "csrf_token=\(dan.token)&note=call%20back\(nul)"
                try await client.execute(
                    uri: "/staff/cases/\(world.reference)/note", method: .post,
                    headers: [.cookie: dan.cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
                ) { #expect($0.status == .badRequest, "note …\(nul) → \($0.status.code)") }
            }
            let db = try #require(world.db)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM interactions WHERE summary LIKE 'call back%'") == 0)
            // "%2500" is the text "%00", not a NUL: taken as typed.
            try await gus.get("/staff/audit?actor=%2500", on: client) { #expect($0.status == .ok) }
        }
    }

    static let boundary = "hostile-boundary"

    /// The anti-forgery field first (as every upload form sends it), then 100,000 tiny parts.
    static func manyParts(token: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(token)\r\n")
        let part = "--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n"
        for _ in 0..<100_000 { buffer.writeString(part) }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }
}
