import AppealsDomain
import Foundation

/// `appeals export enforcement`: penalty holds and appeal outcomes for the enforcement system, as CSV.
///
/// Without `since`, the rows no export has sent yet (each export resumes where the last one ended; rows are marked
/// sent only when the whole file is written). With `since`, every row recorded from then on, sent or not (a
/// repeat changes nothing: a row's `event_id` is stable, so the enforcement system can ignore one it has).
public struct ExportEnforcement: Sendable {
    let feed: any EnforcementFeed
    let calendar: BusinessCalendar
    let clock: any WallClock
    let random: any RandomSource

    public static let header = "event_id,ticket_number,case_reference,event,hold_from,hold_to,outcome,new_amount,recorded_at"
    static let pageSize = 2_000

    public init(feed: any EnforcementFeed, calendar: BusinessCalendar, clock: any WallClock, random: any RandomSource) {
        self.feed = feed
        self.calendar = calendar
        self.clock = clock
        self.random = random
    }

    /// Writes the header and the rows through `write` (a line at a time, each ending in CRLF), then calls `finish`
    /// (which makes the file durable) before the rows count as sent. Returns how many rows were written.
    public func run(
        since: Date?, fileName: String?, write: @escaping @Sendable (String) async throws -> Void,
        finish: @escaping @Sendable () async throws -> Void
    ) async throws -> Int {
        try await write(Self.header + "\r\n")
        let line = { @Sendable (record: EnforcementRecord) in self.line(record) }
        guard let since else {
            let export = EnforcementExport(id: "export-\(String(random.next(), radix: 36))", at: clock.now(), fileName: fileName)
            return try await feed.exportUnsent(
                export, pageSize: Self.pageSize, write: { records in try await write(records.map(line).joined()) }, finish: finish)
        }
        var count = 0
        var cursor: EnforcementRecord?
        while case let page = try await feed.records(since: since, after: cursor, limit: Self.pageSize), !page.isEmpty {
            try await write(page.map(line).joined())
            count += page.count
            cursor = page.last
        }
        try await finish()
        return count
    }

    func line(_ record: EnforcementRecord) -> String {
        let e = record.event
        let fields = [
            record.id, record.ticketNumber.value, record.caseReference.value, e.kind.rawValue, calendar.local(e.holdFrom).date.description,
            e.holdTo.map { calendar.local($0).date.description } ?? "", e.conclusion?.rawValue ?? "",
            e.amountCents.map { String(format: "%d.%02d", $0 / 100, $0 % 100) } ?? "", ISO8601Timestamp.formatUTC(e.at),
        ]
        return fields.joined(separator: ",") + "\r\n"
    }
}
