import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Hummingbird
import HummingbirdTesting

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
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with(.sqlite, migrated: migrated) { db in
            let app = try await buildApplication(configuration: configuration, database: db, logger: TestDatabase.logger)
            try await app.test(.router) { client in try await body(client) }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
