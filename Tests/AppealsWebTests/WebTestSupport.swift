import AppealsApp
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import Hummingbird
import HummingbirdTesting

/// The portal as it runs, built by the same `buildApplication`, on a fresh real database, at a pinned time
/// (``TestClock/pinned`` unless the test moves it) and with a seeded random source.
enum WebTest {
    static func configuration() -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.templatesFolder = TestDatabase.repositoryRoot.appendingPathComponent("templates").path
        configuration.publicFolder = TestDatabase.repositoryRoot.appendingPathComponent("public").path
        configuration.migrationsFolder = TestDatabase.migrationsFolder.path
        configuration.port = 0
        configuration.formMinimumFillSeconds = 0  // tests type faster than people
        configuration.timelineBatchMilliseconds = 0  // route tests run no services: write status views at once
        configuration.lettersIntervalSeconds = 0  // letters and messages go when a test says so (its database may close mid-run)
        configuration.notificationsIntervalSeconds = 0
        configuration.uploadsFolder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("appeals-uploads-\(UUID().uuidString)").path
        return configuration
    }

    /// The engine the route tests run on: SQLite, or PostgreSQL when `WEB_TEST_ENGINE=postgres` (and
    /// `TEST_DATABASE_URL`) are set; `scripts/test` runs the web tests once on each.
    static let engine: DatabaseEngine = ProcessInfo.processInfo.environment["WEB_TEST_ENGINE"] == "postgres" ? .postgres : .sqlite

    /// One bcrypt hasher for all tests (its thread pool and decoy hash are made once).
    static let hasher = BcryptPasswordHasher(queued: 10_000)  // tests sign in in parallel; the bound has its own test

    static func withApp(
        configuration: AppConfiguration = configuration(), migrated: Bool = true, engine: DatabaseEngine = WebTest.engine,
        routeTable: RouteTable = RouteTable(), live: Bool = false, clock: TestClock = TestClock(),
        random: any RandomSource = SeededRandomSource(seed: 2026), seed: (AppDatabase) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with(engine, migrated: migrated) { db in
            try await seed(db)
            let app = try await buildApplication(
                configuration: configuration, database: db, logger: TestDatabase.logger,
                routeTable: routeTable, passwordHasher: hasher, clock: clock, random: random)
            // Live: a real socket, so that the client address is a real peer address.
            try await app.test(live ? .live : .router) { client in try await body(client) }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A browser for route tests: keeps its cookies and the last form's anti-forgery token, and follows nothing
/// by itself (tests look at redirects).
final class Browser: @unchecked Sendable {
    private var cookies: [String: String] = [:]
    private(set) var token = ""

    init() {}
    init(cookie: String, token: String) {
        let parts = cookie.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { cookies[parts[0]] = parts[1] }
        self.token = token
    }

    func cookieValue(_ name: String) -> String? { cookies[name] }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    var cookie: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    static func open(_ uri: String, on client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser()
        _ = try await browser.get(uri, on: client) { _ in }
        return browser
    }

    private func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { cookies[parts[0]] = parts[1] }
        }
        if let match = response.text.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/) { token = String(match.1) }
    }

    @discardableResult
    func get<T: Sendable>(
        _ uri: String, on client: any TestClientProtocol, _ check: @escaping @Sendable (TestResponse) async throws -> T
    ) async throws -> T {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
            self.remember(response)
            return try await check(response)
        }
    }

    /// A `multipart/form-data` POST as a browser sends a file form: the anti-forgery field first.
    @discardableResult
    func upload<T: Sendable>(
        _ uri: String, fields: [(String, String)] = [], files: [(name: String, data: Data)], withToken: Bool = true,
        tokenFirst: Bool = true, fieldsFirst: Bool = false, on client: any TestClientProtocol,
        _ check: @escaping @Sendable (TestResponse) async throws -> T
    ) async throws -> T {
        let boundary = "----appeals-test-\(UUID().uuidString)"
        var body = Data()
        func part(_ disposition: String, _ content: Data, type: String? = nil) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; \(disposition)\r\n".utf8))
            if let type { body.append(Data("Content-Type: \(type)\r\n".utf8)) }
            body.append(Data("\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        let token = { if withToken { part("name=\"csrf_token\"", Data(self.token.utf8)) } }
        let plain = { for (name, value) in fields { part("name=\"\(name)\"", Data(value.utf8)) } }
        if tokenFirst { token() }
        if fieldsFirst { plain() }
        for file in files { part("name=\"evidence\"; filename=\"\(file.name)\"", file.data, type: "image/jpeg") }
        if !tokenFirst { token() }
        if !fieldsFirst { plain() }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body)
        ) { response in
            self.remember(response)
            return try await check(response)
        }
    }

    @discardableResult
    func post<T: Sendable>(
        _ uri: String, _ fields: [(String, String)], withToken: Bool = true, on client: any TestClientProtocol,
        _ check: @escaping @Sendable (TestResponse) async throws -> T
    ) async throws -> T {
        let all = (withToken ? [("csrf_token", token)] : []) + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        ) { response in
            self.remember(response)
            return try await check(response)
        }
    }
}
