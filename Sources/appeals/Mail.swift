import AppealsApp
import AppealsDomain
import AppealsServices
import ArgumentParser
import Foundation

struct Mail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "E-mail citizens send us.", subcommands: [Receive.self])

    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read one e-mail (RFC 5322) on standard input and put it on its case, or in the Unmatched messages queue.",
            discussion: """
                For an MTA's pipe transport or a .forward. Exit status: 0 when the message is stored (or was stored before), \
                65 when it is not an e-mail at all, 75 (EX_TEMPFAIL) when it cannot be stored now (the database cannot be \
                reached, say), so that the MTA keeps it and tries again.
                """)

        func run() async throws {
            let runtime = try Runtime.load()
            // One byte over the limit is enough for the parser to refuse a message that is too large.
            let bytes = Array(FileHandle.standardInput.readData(ofLength: InboundEmail.maximumSize + 1))
            do {
                let outcome = try await runtime.withAdapters(migrate: false) { adapters in
                    try await adapters.receiveMessage(logger: runtime.logger).email(bytes)
                }
                switch outcome {
                case .duplicate: print("Mail: stored before.")
                case .busy:
                    runtime.logger.notice("another receiver is working on this message now; the mail server will try again")
                    throw ExitCode(75)
                case .stored(let disposition, let reference):
                    print("Mail: \(disposition.rawValue)\(reference.map { " " + $0.grouped } ?? "").")
                }
            } catch let exit as ExitCode {
                throw exit
            } catch let error as MailParseError {
                runtime.logger.error("not an e-mail", metadata: ["error": "\(error)"])
                throw ExitCode(65)
            } catch {
                runtime.logger.error("the e-mail could not be stored now; the mail server will try again", metadata: ["error": "\(error)"])
                throw ExitCode(75)
            }
        }
    }
}
