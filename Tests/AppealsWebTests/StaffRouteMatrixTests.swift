import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

/// Every staff route, for anonymous visitors and for each role: deny by default, the declared roles let in.
/// A route registered without an entry here fails the first test, so no route escapes the review.
@Suite("Who may use which staff route")
struct StaffRouteMatrixTests {
    static let viewers: Set<Role> = [.phoneAgent, .reviewer, .supervisor, .clerk, .auditor]
    static let deciders: Set<Role> = [.reviewer, .supervisor]
    static let staff: Set<Role> = [.phoneAgent, .reviewer, .supervisor, .clerk, .administrator, .auditor]

    /// nil: anyone, signed in or not.
    static let expected: [String: Set<Role>?] = [
        "GET /staff/sign-in": nil,
        "POST /staff/sign-in": nil,
        "POST /staff/sign-out": staff,
        "GET /staff": staff,
        "GET /staff/queue": deciders,
        "GET /staff/approvals": [.supervisor],
        "GET /staff/cases/{reference}": viewers,
        "POST /staff/cases/{reference}/claim": deciders,
        "POST /staff/cases/{reference}/release": deciders,
        "POST /staff/cases/{reference}/start-review": deciders,
        "POST /staff/cases/{reference}/request-information": deciders,
        "POST /staff/cases/{reference}/decide": deciders,
        "POST /staff/cases/{reference}/note": [.phoneAgent, .reviewer, .supervisor, .clerk],
        "POST /staff/cases/{reference}/message": [.phoneAgent, .reviewer, .supervisor, .clerk],
        "POST /staff/cases/{reference}/callback": [.phoneAgent, .supervisor],
        "GET /staff/callbacks": [.phoneAgent, .supervisor],
        "POST /staff/cases/{reference}/approve": [.supervisor],
        "POST /staff/cases/{reference}/return": [.supervisor],
        "GET /agent": [.phoneAgent, .clerk, .supervisor, .auditor],
        "POST /staff/cases/{reference}/call": [.phoneAgent, .supervisor],
        "POST /staff/cases/{reference}/vulnerable": [.phoneAgent, .reviewer, .supervisor],
        "POST /staff/cases/{reference}/contact": [.phoneAgent, .supervisor, .clerk],
        "POST /staff/cases/{reference}/withdraw": [.phoneAgent, .clerk],
        "POST /staff/cases/{reference}/hearing": [.phoneAgent, .clerk],
        "GET /agent/pop": [.phoneAgent, .clerk, .supervisor, .auditor],
        "GET /staff/appeals/new": [.phoneAgent, .clerk],
        "POST /staff/appeals/new": [.phoneAgent, .clerk],
        "GET /staff/appeals/{draft}": [.phoneAgent, .clerk],
        "POST /staff/appeals/{draft}/evidence": [.phoneAgent, .clerk],
        "POST /staff/appeals/{draft}/evidence/remove": [.phoneAgent, .clerk],
        "GET /staff/appeals/{draft}/evidence/{id}/thumbnail": [.phoneAgent, .clerk],
        "POST /staff/appeals/{draft}/file": [.phoneAgent, .clerk],
        "GET /staff/letters": [.clerk],
        "POST /staff/letters/batches": [.clerk],
        "GET /staff/letters/batches/{id}": [.clerk],
        "GET /staff/letters/batches/{id}/pdf": [.clerk],
        "GET /staff/letters/batches/{id}/manifest": [.clerk],
        "POST /staff/letters/batches/{id}/printed": [.clerk],
        "POST /staff/letters/batches/{id}/posted": [.clerk],
        "GET /staff/letters/{id}/pdf": viewers,
        "POST /staff/letters/{id}/reprint": [.clerk],
        "POST /staff/letters/{id}/returned": [.clerk],
        "GET /staff/team": [.supervisor],
        "GET /staff/dashboard": [.supervisor, .auditor],
        "GET /staff/dashboard/cases": [.supervisor, .auditor],
        "GET /staff/dashboard/report": [.supervisor, .auditor],
        "GET /staff/audit": [.auditor, .administrator],
        "POST /staff/audit/verify": [.auditor, .administrator],
        "POST /staff/reassign": [.supervisor],
        "POST /staff/cases/{reference}/assign": [.supervisor],
        "POST /staff/cases/{reference}/postmark": [.supervisor],
        "POST /staff/cases/{reference}/hearing-date": [.supervisor],
        "GET /staff/messages": [.phoneAgent, .clerk, .supervisor],
        "POST /staff/messages/{id}/attach": [.phoneAgent, .clerk, .supervisor],
        "POST /staff/messages/{id}/answer": [.phoneAgent, .clerk, .supervisor],
        "GET /staff/admin": [.administrator, .auditor],
        "GET /staff/admin/staff": [.administrator, .auditor],
        "POST /staff/admin/staff": [.administrator],
        "POST /staff/admin/staff/{id}/active": [.administrator],
        "GET /staff/admin/staff/{id}": [.administrator, .auditor],
        "POST /staff/admin/staff/{id}": [.administrator],
        "GET /staff/admin/holidays": [.administrator, .auditor],
        "POST /staff/admin/holidays": [.administrator],
        "POST /staff/admin/holidays/remove": [.administrator],
        "GET /staff/admin/policies": [.administrator, .auditor],
        "POST /staff/admin/policies": [.administrator],
        "GET /staff/admin/tickets": [.administrator],
        "POST /staff/admin/tickets": [.administrator],
        "GET /staff/admin/api-keys": [.administrator, .auditor],
        "POST /staff/admin/api-keys": [.administrator],
        "POST /staff/admin/api-keys/{id}/revoke": [.administrator],
        "GET /staff/evidence/{id}/thumbnail": viewers,
        "GET /staff/evidence/{id}/display": viewers,
        "GET /staff/evidence/{id}/document": viewers,
        "GET /staff/evidence/{id}/original": [.reviewer, .supervisor, .auditor],
    ]

    /// The demo person of each role (Cleo is supervisor and reviewer, as senior reviewers are).
    static let people = ["dan", "ana", "cleo", "eve", "fay", "gus"]

    final class World: @unchecked Sendable {
        var db: AppDatabase?
        var reference = ""
        var photo = ""
        var pdf = ""
    }

    /// Demo data plus a filed case (assigned to Ana) with a photo and a PDF, so every path has a real object.
    static func withWorld(
        _ table: RouteTable, configuration: AppConfiguration = WebTest.configuration(),
        _ body: @escaping @Sendable (any TestClientProtocol, World) async throws -> Void
    ) async throws {
        let world = World()
        try await WebTest.withApp(
            configuration: configuration, routeTable: table,
            seed: { db in
                try await StaffTest.seed(db)
                try await AppealJourneyTests.seed(db)
                try await StatusAPITests.createKeys(db)
                world.db = db
            }
        ) { client in
            let citizen = Browser()
            try await AppealJourneyTests.fillIn(
                citizen,
                evidence: [
                    try AppealEvidenceTests.corpusFile("orientation-1.jpg"),
                    try AppealEvidenceTests.corpusFile("receipt.pdf"),
                ], on: client)
            try await citizen.get("/appeal/check", on: client) { _ in }
            try await citizen.post("/appeal/check", [], on: client) { _ in }
            let db = try #require(world.db)
            world.reference = try #require(try await StaffTest.value(db, "SELECT case_reference AS v FROM evidence LIMIT 1"))
            world.photo = try #require(try await StaffTest.value(db, "SELECT id AS v FROM evidence WHERE kind = 'photo'"))
            world.pdf = try #require(try await StaffTest.value(db, "SELECT id AS v FROM evidence WHERE kind = 'pdf'"))
            try await db.withConnection {
                try await $0.raw(SQLQueryString("UPDATE cases SET assignee = 'ana' WHERE reference = \(bind: world.reference)")).run()
            }
            try await body(client, world)
        }
    }

    static func concrete(_ path: String, _ world: World) -> String {
        if path.hasPrefix("/staff/admin/staff/") {
            return path.replacingOccurrences(of: "{id}", with: path.hasSuffix("/active") ? "nobody" : "eve")
        }
        if path.hasPrefix("/staff/admin/api-keys/") { return path.replacingOccurrences(of: "{id}", with: "no-such-key") }
        return path.replacingOccurrences(of: "{reference}", with: world.reference)
            .replacingOccurrences(of: "{id}", with: path.hasSuffix("/document") ? world.pdf : world.photo)
    }

    @Test func everyRegisteredRouteHasTheExpectedRule() async throws {
        let table = RouteTable()
        try await WebTest.withApp(routeTable: table) { _ in }
        let registered = Dictionary(
            uniqueKeysWithValues: table.entries.filter { $0.path.hasPrefix("/staff") || $0.path.hasPrefix("/agent") }
                .map { ("\($0.method) \($0.path)", $0.rule) })
        for (route, rule) in registered {
            let expected = try #require(Self.expected[route], "\(route) is not in the access matrix: add it with its roles")
            switch rule {
            case .everyone: #expect(expected == nil, "\(route) is open to everyone")
            case .staff(let roles): #expect(roles == expected, "\(route) admits \(roles.map(\.rawValue).sorted())")
            }
        }
        #expect(Set(registered.keys) == Set(Self.expected.keys), "every route in the matrix is registered")
    }

    @Test func anonymousVisitorsAreSentToSignInAndEachRoleGetsExactlyItsRoutes() async throws {
        let table = RouteTable()
        try await Self.withWorld(table) { client, world in
            let routes = table.entries.filter { $0.rule != .everyone }
            // Anonymous: to the sign-in page, whatever the route.
            let anonymous = try await Browser.open("/staff/sign-in", on: client)
            for route in routes {
                let path = Self.concrete(route.path, world)
                let check: @Sendable (TestResponse) async throws -> Void = { response in
                    #expect([.found, .seeOther].contains(response.status), "\(route.method) \(path) anonymous")
                    #expect(response.headers[.location]?.hasPrefix("/staff/sign-in") == true, "\(route.method) \(path) anonymous")
                }
                if route.method == "GET" {
                    try await anonymous.get(path, on: client, check)
                } else {
                    try await anonymous.post(path, [], on: client, check)
                }
            }
            // Each role: allowed routes answer (anything but 403 or a sign-in redirect), others 403. Sign-out last.
            for person in Self.people {
                let browser = try await StaffTest.signIn(person, on: client)
                let roles = Set(DemoCases.staff.first { $0.id == person }!.roles)
                for route in routes.sorted(by: { $0.path.hasSuffix("sign-out") == false && $1.path.hasSuffix("sign-out") }) {
                    guard case .staff(let admitted) = route.rule else { continue }
                    let allowed = !roles.isDisjoint(with: admitted)
                    let path = Self.concrete(route.path, world)
                    try await browser.get("/staff/sign-in", on: client) { _ in }  // a fresh anti-forgery token
                    let check: @Sendable (TestResponse) async throws -> Void = { response in
                        if allowed {
                            #expect(response.status != .forbidden, "\(person) should reach \(route.method) \(path)")
                            #expect(
                                response.headers[.location]?.hasPrefix("/staff/sign-in") != true || path.hasSuffix("sign-out"),
                                "\(person) was sent to sign in at \(route.method) \(path)")
                        } else {
                            #expect(response.status == .forbidden, "\(person) must not reach \(route.method) \(path)")
                        }
                    }
                    if route.method == "GET" {
                        try await browser.get(path, on: client, check)
                    } else {
                        try await browser.post(path, [], on: client, check)
                    }
                }
            }
        }
    }

    @Test func everyStaffFormNeedsItsAntiForgeryToken() async throws {
        let table = RouteTable()
        try await Self.withWorld(table) { client, world in
            let cleo = try await StaffTest.signIn("cleo", on: client)
            for route in table.entries where route.method == "POST" && (route.path.hasPrefix("/staff") || route.path.hasPrefix("/agent")) {
                try await cleo.post(Self.concrete(route.path, world), [], withToken: false, on: client) { response in
                    #expect(response.status == .forbidden, "\(route.path) without a token")
                    #expect(response.text.contains("This form has expired"), "\(route.path) without a token")
                }
            }
        }
    }
}
