import AppealsApp
import AppealsWeb
import ArgumentParser
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the portal (applies pending migrations first). Stops gracefully on SIGTERM or SIGINT."
    )

    @Option(help: "Address to listen on (overrides HOST).") var host: String?
    @Option(help: "Port to listen on (overrides PORT; 0 picks a free one).") var port: Int?

    func run() async throws {
        var runtime = try Runtime.load()
        var configuration = runtime.configuration
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        runtime = Runtime(configuration: configuration, logger: runtime.logger)
        let logger = runtime.logger
        let host = configuration.host
        try await runtime.withDatabase(migrate: true) { database in
            let app = try await buildApplication(
                configuration: configuration, database: database, logger: logger,
                onServerRunning: { port in
                    print("Portal running at http://\(host):\(port)/ (\(database.location))")
                }
            )
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        }
    }
}
