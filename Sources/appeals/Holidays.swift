import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWords
import ArgumentParser
import Foundation

struct Holidays: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The authority's holiday list.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add holidays from a CSV file with the header day,name (2026-12-25,Christmas Day).",
            discussion: "Run `appeals deadlines recompute` afterwards to move the due dates of open cases."
        )

        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let runtime = try Runtime.load()
            let read = try HolidayFile.read(path: file)
            read.problems.forEach { print(TicketImportMessages.text(for: $0)) }
            try await runtime.withAdapters(migrate: true) { adapters in
                let audit = AuditEntry(
                    caseReference: nil, at: adapters.clock.now(), actor: Actor(role: .system, staffID: nil),
                    event: "holidays_imported", from: nil, to: nil,
                    detail:
                        "file=\(URL(fileURLWithPath: file).lastPathComponent) days=\(read.holidays.map(\.day.description).joined(separator: ","))"
                )
                try await adapters.administration.saveHolidays(read.holidays, audit: audit)
            }
            print("Holidays: \(read.holidays.count) saved, \(read.problems.count) rejected.")
            if !read.problems.isEmpty { throw ExitCode(2) }
        }
    }
}
