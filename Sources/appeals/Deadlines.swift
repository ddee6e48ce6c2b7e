import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
import Foundation

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
