import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Hummingbird
import HummingbirdTesting
import Foundation

/// The portal as it runs, built by the same `buildApplication`, on a fresh real database.
enum WebTest {
    static func configuration() -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.templatesFolder = TestDatabase.repositoryRoot.appendingPathComponent("templates").path
        configuration.publicFolder = TestDatabase.repositoryRoot.appendingPathComponent("public").path
        configuration.migrationsFolder = TestDatabase.migrationsFolder.path
        configuration.port = 0
        return configuration
    }

    static func withApp(
        configuration: AppConfiguration = configuration(), migrated: Bool = true,
        seed: (AppDatabase) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with(.sqlite, migrated: migrated) { db in
            try await seed(db)
            let app = try await buildApplication(configuration: configuration, database: db, logger: TestDatabase.logger)
            try await app.test(.router) { client in try await body(client) }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A browser's cookie and form token, as the tests post forms.
struct Browser {
    let cookie: String
    let token: String

    /// Opens `uri` and reads the anti-forgery cookie and the form's hidden field.
    static func open(_ uri: String, on client: any TestClientProtocol) async throws -> Browser {
        try await client.execute(uri: uri, method: .get) { response in
            let setCookie = response.headers[.setCookie] ?? ""
            let cookie = String(setCookie.split(separator: ";").first ?? "")
            let token = response.text.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/).map { String($0.1) } ?? ""
            return Browser(cookie: cookie, token: token)
        }
    }

    func post<T: Sendable>(
        _ uri: String, _ fields: [(String, String)], withToken: Bool = true, on client: any TestClientProtocol,
        _ check: @escaping @Sendable (TestResponse) async throws -> T
    ) async throws -> T {
        let all = (withToken ? [("csrf_token", token)] : []) + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body), testCallback: check
        )
    }
}
