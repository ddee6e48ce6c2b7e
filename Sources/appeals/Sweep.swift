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
            try await adapters.callbacks.sweep() + adapters.deadlineSweep(by: "cli").run()
        }
        print("Deadline sweep: \(fired) warning(s) and breach(es) fired.")
    }
}
