import AppealsApp
import AppealsDomain
import AppealsServices
import ArgumentParser
import Foundation

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exports to other systems.", subcommands: [Enforcement.self])

    struct Enforcement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Penalty holds and appeal outcomes for the enforcement system, as CSV.",
            discussion: """
                Without --since: every row no export has sent yet (resumes from the last export; the rows count as sent \
                only once the whole file is written). With --since: every row recorded from then on, sent or not. Each \
                row's event_id is stable, so a row received twice can be recognised.
                """)

        @Option(help: "Export the rows recorded since this time (2026-12-01T00:00 in the authority's zone, or UTC with Z).")
        var since: String?

        @Option(help: "Write the CSV to this file (written whole, then renamed into place). Default: standard output.")
        var output: String?

        func run() async throws {
            let runtime = try Runtime.load()
            let count = try await runtime.withAdapters(migrate: true) { adapters in
                var from: Date?
                if let since {
                    guard let parsed = Letters.Batch.instant(since, zone: adapters.timeZone) else {
                        throw ValidationError("--since \"\(since)\" is not a time like 2026-12-01T00:00 or 2026-12-01T05:00:00Z")
                    }
                    from = parsed
                }
                let sink = try CSVSink(path: output)
                return try await adapters.exportEnforcement.run(
                    since: from, fileName: output.map { URL(fileURLWithPath: $0).lastPathComponent },
                    write: { try await sink.write($0) }, finish: { try await sink.finish() })
            }
            FileHandle.standardError.write(Data("Enforcement feed: \(count) row(s) exported.\n".utf8))
        }
    }
}

/// Standard output, or a file written beside its final name and renamed into place once complete.
actor CSVSink {
    let handle: FileHandle
    let paths: (partial: String, final: String)?

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            paths = nil
            return
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil) else {
            throw ValidationError("cannot write \(partial)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
        paths = (partial, path)
    }

    func write(_ text: String) throws { try handle.write(contentsOf: Data(text.utf8)) }

    func finish() throws {
        guard let paths else { return }
        try handle.synchronize()
        try handle.close()
        _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: paths.final), withItemAt: URL(fileURLWithPath: paths.partial))
    }
}
