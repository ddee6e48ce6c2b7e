import AppealsApp
import AppealsWeb
import ArgumentParser
@preconcurrency import Foundation
import Logging

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The one binary of the portal: serving, migrating, importing and loading demo data.
@main
struct Appeals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeals",
        abstract: "The parking-ticket appeals portal.",
        discussion: "Settings come from environment variables (see README.md and .env.example).",
        subcommands: [
            Serve.self, Migrate.self, Tickets.self, Demo.self, Sweep.self, Audit.self, Deadlines.self, Holidays.self, Evidence.self,
            Users.self, Letters.self, Notifications.self, Export.self, Mail.self,
        ]
    )
}
