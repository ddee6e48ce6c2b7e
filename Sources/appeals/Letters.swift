import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
import Foundation

struct Letters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Letters: produce the queued ones, make a print batch.", subcommands: [Produce.self, Batch.self])

    struct Produce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produce every queued letter as a stored PDF, then exit (the server also does this every few seconds).")

        func run() async throws {
            let runtime = try Runtime.load()
            let produced = try await runtime.withAdapters(migrate: true) { adapters in
                let produce = adapters.produceLetters(composer: try await adapters.letterComposer())
                var total = 0
                while case let count = try await produce.run(limit: 500), count > 0 { total += count }
                return total
            }
            print("Letters: \(produced) produced.")
        }
    }

    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put every letter ready by a cut-off in a print batch: one PDF, each letter on a new sheet, and a CSV manifest.",
            discussion: "Queued letters are produced first. Mark the batch printed and posted in the print room (/staff/letters).")

        @Option(help: "The cut-off, in the authority's time zone (2026-12-04T14:30) or UTC (2026-12-04T19:30:00Z). Default: now.")
        var until: String?

        @Option(help: "A folder to copy the batch's PDF and manifest into.")
        var output: String?

        func run() async throws {
            let runtime = try Runtime.load()
            try await runtime.withAdapters(migrate: true) { adapters in
                let zone = adapters.timeZone
                let cutoff: Date
                if let until {
                    guard let parsed = Self.instant(until, zone: zone) else {
                        throw ValidationError("--until \"\(until)\" is not a time like 2026-12-04T14:30 or 2026-12-04T19:30:00Z")
                    }
                    cutoff = parsed
                } else {
                    cutoff = adapters.clock.now()
                }
                let composer = try await adapters.letterComposer()
                let produce = adapters.produceLetters(composer: composer)
                while try await produce.run(limit: 500) > 0 {}
                guard let id = try await adapters.printRoom(composer: composer).createBatch(until: cutoff, by: nil),
                    let batch = try await adapters.letters.batch(id), let pdf = batch.pdf, let manifest = batch.manifestKey
                else {
                    print("No letter was ready by then: no batch made.")
                    return
                }
                print(
                    "Print batch \(id.value): \(batch.letters) letter(s), \(batch.pages ?? 0) pages on \(batch.sheets ?? 0) sheets, PDF SHA-256 \(pdf.sha256)."
                )
                if let output {
                    let folder = URL(fileURLWithPath: output)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let name = "print-batch-\(id.value.prefix(8))"
                    try PrivateFiles.write(adapters.letterStorage.read(pdf.key), to: folder.appendingPathComponent("\(name).pdf"))
                    try PrivateFiles.write(
                        adapters.letterStorage.read(manifest), to: folder.appendingPathComponent("\(name)-manifest.csv"))
                    print("Written to \(folder.appendingPathComponent(name).path).pdf and -manifest.csv")
                }
            }
        }

        static func instant(_ text: String, zone: TimeZone) -> Date? {
            ISO8601Timestamp.parse(text) ?? BusinessCalendar(timeZone: zone).endOfMinute(text)
        }
    }
}
