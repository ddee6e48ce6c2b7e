import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
@preconcurrency import Foundation
import Logging
import SQLKit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeals-bench", abstract: "Benchmarks of the appeals portal (not tests).",
        subcommands: [SweepBenchmark.self, SeedCases.self, EvidenceBenchmark.self, LettersBenchmark.self, DashboardBenchmark.self]
    )
}
