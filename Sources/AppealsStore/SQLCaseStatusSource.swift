import AppealsDomain
import AppealsServices
import SQLKit

/// The status page's read in one statement: the case with its ticket, a row for each pairing of an audit event
/// with a file (outer joins, so a case without files still comes back), and what the reviewer asked only while
/// an answer is awaited. Each round trip to SQLite costs more than the statement itself (a thread hop there and
/// back): one statement instead of four was worth half as many status pages again on this machine.
public struct SQLCaseStatusSource: CaseStatusSource {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func statusFacts(_ reference: CaseReference, files: Bool) async throws -> CaseStatusFacts? {
        try await database.withConnection { db in
            let rows = try await db.raw(
                files
                    ? "\(unsafeRaw: Self.select) WHERE c.reference = \(bind: reference.value) ORDER BY h.seq, e.received_at, e.id"
                    : "\(unsafeRaw: Self.selectWithoutFiles) WHERE c.reference = \(bind: reference.value) ORDER BY h.seq"
            ).all()
            guard let first = rows.first else { return nil }
            let record = try CaseRow.decode(first)
            // Rows come grouped by audit event; the first group holds every file, in the order received.
            let firstSeq = try first.decode(column: "h_seq", as: Int?.self)
            var history: [CaseHistoryEntry] = []
            var evidence: [EvidenceRecord] = []
            var lastSeq: Int?
            for row in rows {
                let seq = try row.decode(column: "h_seq", as: Int?.self)
                if seq != lastSeq, let entry = try SQLCaseStore.historyEntry(row) { history.append(entry) }
                lastSeq = seq
                if files, seq == firstSeq, try row.decode(column: "e_id", as: String?.self) != nil {
                    evidence.append(try SQLEvidenceStore.record(row, prefix: "e_"))
                }
            }
            return CaseStatusFacts(
                loaded: LoadedCase(record: record, history: history, firings: []),
                ticket: try SQLTicketRepository.ticket(from: first, prefix: "t_"),
                evidence: evidence,
                question: files && record.state == .awaitingCitizen ? try await Self.latestQuestion(reference, on: db) : nil
            )
        }
    }

    private static func latestQuestion(_ reference: CaseReference, on db: any SQLDatabase) async throws -> String? {
        try await db.raw(
            """
            SELECT summary FROM interactions WHERE case_reference = \(bind: reference.value) AND kind = 'information_requested'
            ORDER BY occurred_at DESC LIMIT 1
            """
        ).first()?.decode(column: "summary", as: String?.self)
    }

    /// Written out once. The ticket's and the files' columns are renamed `t_…` and `e_…` (the tables share
    /// `ticket_number`, `towed` and `received_at`).
    private static let select = """
        SELECT \(CaseRow.readColumns.map { "c.\($0)" }.joined(separator: ", ")),
               \(SQLTicketRepository.ticketColumns.map { "t.\($0) AS t_\($0)" }.joined(separator: ", ")),
               h.seq AS h_seq, h.occurred_at, h.event, h.from_state, h.to_state,
               \(SQLEvidenceStore.columns.map { "e.\($0) AS e_\($0)" }.joined(separator: ", "))
        FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
        LEFT JOIN audit_events h ON h.case_reference = c.reference
        LEFT JOIN evidence e ON e.case_reference = c.reference
        """

    /// The same without the files: a shorter statement to prepare (SQLite prepares each one anew, and preparing the
    /// one above was the status API's largest cost under perf).
    private static let selectWithoutFiles = """
        SELECT \(CaseRow.readColumns.map { "c.\($0)" }.joined(separator: ", ")),
               \(SQLTicketRepository.ticketColumns.map { "t.\($0) AS t_\($0)" }.joined(separator: ", ")),
               h.seq AS h_seq, h.occurred_at, h.event, h.from_state, h.to_state
        FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
        LEFT JOIN audit_events h ON h.case_reference = c.reference
        """
}
