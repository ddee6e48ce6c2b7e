import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWords
import ArgumentParser
import Foundation

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit trail's hash chain and report the first broken link (exit 1 if broken)."
        )

        func run() async throws {
            let runtime = try Runtime.load()
            let result = try await runtime.withAdapters(migrate: false) { try await $0.administration.verifyAudit() }
            print(AuditMessages.text(for: result))
            if case .broken = result { throw ExitCode(1) }
        }
    }
}
