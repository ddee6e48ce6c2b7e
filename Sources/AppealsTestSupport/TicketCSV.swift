import AppealsDomain
import AppealsServices
import Foundation

/// Ticket files as the enforcement system exports them, written to a temporary file for an import.
public enum TicketCSV {
    public static let header = "ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id,towed"

    /// One ticket's line, issued `daysAgo` days before `now`.
    public static func line(
        _ number: String, plate: String, region: String = "NY", issued now: Date, daysAgo: Double, location: String = "12 Main St",
        code: String = "P01", violation: String = "Restricted street", amountCents: Int = 6_500, officer: String = "C1",
        towed: Bool = false
    ) -> String {
        let issuedAt = ISO8601Timestamp.formatUTC(now.addingTimeInterval(-daysAgo * 86_400))
        return [number, plate, region, issuedAt, location, code, violation, String(amountCents), officer, towed ? "true" : "false"]
            .joined(separator: ",")
    }

    /// A temporary file holding the header and `lines`.
    public static func file(_ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(SystemRandomSource().hex(words: 2)).csv")
        try ([header] + lines).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
