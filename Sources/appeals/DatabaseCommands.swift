import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import ArgumentParser
import Foundation
import Logging

extension Runtime {
    /// Opens the configured database, runs `body`, and closes it whatever happens.
    /// The adapters over the database (built once, as the server builds them), with the system clock.
    func withAdapters<T>(migrate: Bool, _ body: (Adapters) async throws -> T) async throws -> T {
        try await withDatabase(migrate: migrate) { database in
            try await body(try Adapters(configuration: configuration, database: database, clock: SystemWallClock()))
        }
    }

    func withDatabase<T>(migrate: Bool, _ body: (AppDatabase) async throws -> T) async throws -> T {
        let database = try await AppDatabase.open(
            configuration.database, logger: logger,
            sqliteBusyTimeoutMilliseconds: configuration.sqliteBusyTimeoutMilliseconds
        )
        do {
            if migrate {
                do {
                    try await MigrationRunner(folder: URL(fileURLWithPath: configuration.migrationsFolder))
                        .migrate(database, logger: logger)
                } catch let error as MigrationError {
                    throw ValidationError("Cannot start: \(error)")
                }
            }
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations from migrations/.")

    func run() async throws {
        let runtime = try Runtime.load()
        try await runtime.withDatabase(migrate: true) { database in
            print("Database is up to date (\(database.location)).")
        }
    }
}

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
                        path: file, onRejected: { print($0) }
                    )
                } catch let failure as TicketImportFailure {
                    throw ValidationError("\(failure)")
                }
            }
            print(summary)
            if summary.rejected > 0 { throw ExitCode(2) }
        }
    }
}

enum TicketImportFormat {
    static let header = TicketColumn.allCases.map(\.rawValue).joined(separator: ",")
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo data set (safe to run again).")
    /// Demo only: printed on every run, so a newcomer can sign in at once. Never use demo data in production.
    static let password = "riverton-demo-2026"

    @Option(help: "How many demo tickets.") var tickets = 300

    func run() async throws {
        let runtime = try Runtime.load()
        let folder = URL(fileURLWithPath: runtime.configuration.dataFolder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("demo-tickets.csv")
        let now = SystemWallClock().now()
        try DemoTickets.csv(count: tickets, now: now).write(to: file, atomically: true, encoding: .utf8)
        let zone = runtime.configuration.authority.zone
        try await runtime.withAdapters(migrate: true) { adapters in
            let tickets = adapters.tickets
            let summary = try await ImportTickets(tickets: tickets, clock: adapters.clock)(
                path: file.path, source: "demo", onRejected: { print($0) }
            )
            print("Demo tickets: \(summary)")
            let admin = adapters.administration
            let calendar = BusinessCalendar(timeZone: zone)
            for person in DemoCases.staff {
                try await admin.saveStaff(
                    id: StaffID(person.id), name: person.name, email: "\(person.id)@riverton.example",
                    startedOn: calendar.local(now.addingTimeInterval(-Double(person.daysAgo) * 86_400)).date,
                    roles: person.roles, skills: person.skills, at: now
                )
            }
            // One demo password for every demo account, set anew on each run (cost-12 bcrypt: a second or two).
            let accounts = adapters.staffAccounts
            let hash = try await BcryptPasswordHasher().hash(Self.password)
            for person in DemoCases.staff { try await accounts.setPassword(StaffID(person.id), hash: hash) }
            let filed = try await DemoCases(cases: adapters.cases, tickets: tickets, timeZone: zone, now: now).load()
            print(filed > 0 ? "Demo cases: \(filed) filed, in every state." : "Demo cases: already loaded.")
            print("Demo staff sign-ins (password \(Self.password) for each), at /staff/sign-in:")
            for person in DemoCases.staff {
                print(
                    "  \(person.id)@riverton.example".padding(toLength: 28, withPad: " ", startingAt: 0)
                        + person.roles.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", "))
            }
        }
    }
}
