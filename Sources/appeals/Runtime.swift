import AppealsApp
import AppealsWeb
import ArgumentParser
@preconcurrency import Foundation
import Logging

/// What every subcommand shares: configuration from the environment and one logger.
struct Runtime {
    let configuration: AppConfiguration
    let logger: Logger

    static func load() throws -> Runtime {
        // Line-buffered, so that the URL and import reports appear at once even when piped to a file.
        setvbuf(stdout, nil, _IOLBF, 0)
        let env = ProcessInfo.processInfo.environment
        let level = env["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        do {
            return Runtime(configuration: try AppConfiguration.fromEnvironment(env), logger: Logger(label: "appeals"))
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
