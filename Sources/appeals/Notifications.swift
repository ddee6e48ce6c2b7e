import AppealsApp
import AppealsServices
import ArgumentParser
import Foundation

struct Notifications: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The outbox of messages to citizens.", subcommands: [Send.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every message due now (email over SMTP_HOST, texts to SMS_OUTBOX_FILE), then exit (the server also does this).",
            discussion: "Several senders may run at once: each message is held by one of them and sent once.")

        func run() async throws {
            let runtime = try Runtime.load()
            let taken = try await runtime.withAdapters(migrate: true) { adapters in
                let deliver = try await adapters.deliverNotifications(by: "cli")
                var total = 0
                while case let taken = try await deliver.run(limit: 20), taken > 0 { total += taken }
                return total
            }
            print("Notifications: \(taken) message(s) taken from the outbox.")
        }
    }
}
