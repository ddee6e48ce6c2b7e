import AppealsApp
import AppealsServices
import ArgumentParser
import Foundation

struct Evidence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evidence files.", subcommands: [Sweep.self])

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Delete files no row names (and abandoned drafts' files) after a grace period; report rows whose file is missing or altered (exit 1).",
            discussion: "Run it daily from cron. Files younger than the grace period are never touched, so uploads in progress are safe."
        )

        @Option(help: "Leave files younger than this many seconds alone.") var graceSeconds = 86_400

        func run() async throws {
            let runtime = try Runtime.load()
            let report = try await runtime.withAdapters(migrate: true) { adapters in
                try await adapters.evidenceSweep(grace: TimeInterval(graceSeconds))
            }
            print(
                "Evidence sweep: \(report.abandonedRowsRemoved) abandoned draft file(s) removed, "
                    + "\(report.orphanFilesDeleted) file(s) without a row deleted, \(report.incomingFilesDeleted) unfinished upload(s) deleted, "
                    + "\(report.filesChecked) file(s) checked.")
            for problem in report.problems {
                print("PROBLEM: evidence \(problem.evidence) file \(problem.key) is \(problem.check.rawValue)")
            }
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
