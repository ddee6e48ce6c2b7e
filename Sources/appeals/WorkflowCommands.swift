import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
import Foundation

struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fire every due deadline warning and breach once, then exit (for cron; the server also sweeps)."
    )

    func run() async throws {
        let runtime = try Runtime.load()
        let fired = try await runtime.withAdapters(migrate: true) { adapters in
            try await adapters.deadlineSweep(by: "cli").run()
        }
        print("Deadline sweep: \(fired) warning(s) and breach(es) fired.")
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit trail's hash chain and report the first broken link (exit 1 if broken)."
        )

        func run() async throws {
            let runtime = try Runtime.load()
            let result = try await runtime.withAdapters(migrate: false) { try await $0.administration.verifyAudit() }
            print(result)
            if case .broken = result { throw ExitCode(1) }
        }
    }
}

struct Deadlines: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Case deadlines.", subcommands: [Recompute.self])

    struct Recompute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-apply the current deadline policies and holidays to every undecided case."
        )

        func run() async throws {
            let runtime = try Runtime.load()
            let count = try await runtime.withAdapters(migrate: true) { adapters in
                let store = adapters.cases
                let engine = adapters.engine
                var after: CaseReference?
                var count = 0
                while true {
                    let page = try await store.undecidedReferences(after: after, limit: 500)
                    guard let last = page.last else { return count }
                    for reference in page { try await engine.recomputeDeadlines(of: reference) }
                    count += page.count
                    after = last
                }
            }
            print("Recomputed the deadlines of \(count) undecided case(s).")
        }
    }
}

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
            read.problems.forEach { print($0) }
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
