import AppealsDomain
import Foundation

/// Imports the enforcement system's ticket file: an idempotent upsert by ticket number.
///
/// Streams the file and stores it in batches, each in its own transaction, so that memory stays bounded and a
/// million rows go through. Bad rows are reported by line through `onRejected` as they are met (never collected
/// whole), and the good rows still import. Running the same file twice changes nothing the second time.
public struct ImportTickets: Sendable {
    public let tickets: any TicketRepository
    public let clock: any WallClock
    public let random: any RandomSource
    public let batchSize: Int

    public init(
        tickets: any TicketRepository, clock: any WallClock, random: any RandomSource = SystemRandomSource(), batchSize: Int = 25_000
    ) {
        self.tickets = tickets
        self.clock = clock
        self.random = random
        self.batchSize = batchSize
    }

    public func callAsFunction(
        path: String, source: String? = nil, onRejected: (RejectedTicketRow) -> Void
    ) async throws -> TicketImportSummary {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw TicketImportFailure.unreadable(path: path) }
        return try await run(reader: reader, source: source ?? path, onRejected: onRejected)
    }

    private func run(
        reader: CSVReader, source: String, onRejected: (RejectedTicketRow) -> Void
    ) async throws -> TicketImportSummary {
        let now = clock.now()
        guard let headerRecord = try? reader.next(), let header = headerRecord.fields else {
            throw TicketImportFailure.emptyFile
        }
        let parser: TicketRecordParser
        do { parser = try TicketRecordParser(header: header) } catch { throw TicketImportFailure.header(error) }

        let importID = TicketImportID(random.hex(words: 2))
        try await tickets.beginImport(importID, source: source, at: now)
        var summary = TicketImportSummary()
        var batch: [ImportedTicketRow] = []
        batch.reserveCapacity(batchSize)

        // Rejections wait for their batch to be stored (which finds the duplicates) and are then reported in
        // line order; so the report reads top to bottom, and holds at most two batches' worth.
        var rejections: [RejectedTicketRow] = []
        func reject(_ line: Int, _ reason: TicketImportRejection) {
            summary.rejected += 1
            rejections.append(RejectedTicketRow(line: line, reason: reason))
        }
        // One batch is stored while the next is parsed: parsing runs here, storing on the database's threads,
        // so the two overlap (about a third faster on two cores). At most one batch is in flight.
        var inFlight: (rows: [ImportedTicketRow], store: Task<[TicketUpsertOutcome], any Error>)?
        var rejectionsBeforeInFlight: [RejectedTicketRow] = []
        func settle() async throws {
            guard let (rows, store) = inFlight else { return }
            inFlight = nil
            let outcomes = try await store.value
            var settled = rejectionsBeforeInFlight
            for (row, outcome) in zip(rows, outcomes) {
                switch outcome {
                case .imported: summary.imported += 1
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                case .duplicate(let firstLine):
                    summary.rejected += 1
                    settled.append(RejectedTicketRow(line: row.line, reason: .duplicate(firstLine: firstLine)))
                }
            }
            settled.sort { $0.line < $1.line }
            settled.forEach(onRejected)
            rejectionsBeforeInFlight = []
        }
        func flush() async throws {
            try await settle()
            let rows = batch
            let tickets = self.tickets
            inFlight = (rows, Task { try await tickets.importBatch(rows, importID: importID, at: now) })
            rejectionsBeforeInFlight = rejections
            rejections.removeAll(keepingCapacity: true)
            batch.removeAll(keepingCapacity: true)
        }

        while true {
            let record: CSVRecord?
            do { record = try reader.next() } catch {
                guard case .unterminatedQuote(let line) = error else { throw error }
                reject(line, .unterminatedQuote)
                break
            }
            guard let record else { break }
            guard let fields = record.fields else {
                reject(record.line, .invalidEncoding)
                continue
            }
            switch parser.parse(fields, now: now) {
            case .success(let ticket):
                batch.append(ImportedTicketRow(line: record.line, ticket: ticket))
                if batch.count >= batchSize { try await flush() }
            case .failure(let problem):
                reject(record.line, .record(problem))
                if rejections.count >= batchSize { try await flush() }
            }
        }
        try await flush()
        try await settle()
        try await tickets.finishImport(importID, summary: summary, at: clock.now())
        return summary
    }
}
