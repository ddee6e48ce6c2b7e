import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import AppealsWords
import ArgumentParser
import Foundation
import Logging

struct Tickets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tickets from the enforcement system.", subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import or update tickets from a CSV file.",
            discussion: """
                Header (order free, extra columns ignored): \(TicketImportFormat.header)
                Rejected lines are printed with their line number and reason; the good lines still import.
                """
        )

        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let runtime = try Runtime.load()
            let summary = try await runtime.withAdapters(migrate: true) { adapters in
                do {
                    return try await ImportTickets(tickets: adapters.tickets, clock: adapters.clock)(
                        path: file, onRejected: { print(TicketImportMessages.line($0)) }
                    )
                } catch let failure as TicketImportFailure {
                    throw ValidationError(TicketImportMessages.text(for: failure))
                }
            }
            print(TicketImportMessages.summary(summary))
            if summary.rejected > 0 { throw ExitCode(2) }
        }
    }
}
