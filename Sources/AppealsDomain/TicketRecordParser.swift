import Foundation

/// Turns the text fields of one ticket file row into a ``Ticket``, or says exactly what is wrong with it.
public struct TicketRecordParser: Sendable {
    /// Where each known column sits in a row.
    public let positions: [TicketColumn: Int]
    public let fieldCount: Int
    /// Amounts above this are refused as a likely unit mistake (dollars sent as cents ×100).
    public let maximumAmountCents: Int
    public static let maximumTextLength = 200
    /// The columns of text as the enforcement system wrote it (the others are identifiers, times and numbers).
    static let freeText: [TicketColumn] = [.location, .violationCode, .violation, .officerID]

    /// Reads the header; throws the required columns the header lacks.
    public init(header: [String], maximumAmountCents: Int = 1_000_000) throws(TicketHeaderProblem) {
        var positions: [TicketColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingSpaces.lowercased()
            if let column = TicketColumn(rawValue: key), positions[column] == nil { positions[column] = index }
        }
        let missing = TicketColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
        guard missing.isEmpty else { throw TicketHeaderProblem(missingColumns: missing) }
        self.positions = positions
        self.fieldCount = header.count
        self.maximumAmountCents = maximumAmountCents
    }

    /// - Parameter now: the import's clock reading; a ticket issued more than a day after it is refused.
    public func parse(_ fields: [String], now: Date) -> Result<Ticket, TicketRecordProblem> {
        guard fields.count == fieldCount else {
            return .failure(.wrongFieldCount(expected: fieldCount, found: fields.count))
        }
        var values: [TicketColumn: String] = [:]
        for (column, index) in positions { values[column] = fields[index].trimmingSpaces }
        func text(_ column: TicketColumn) -> String { values[column] ?? "" }
        for column in TicketColumn.allCases where column.isRequired && text(column).isEmpty {
            return .failure(.missing(column))
        }
        for column in Self.freeText where text(column).count > Self.maximumTextLength {
            return .failure(.tooLong(column, limit: Self.maximumTextLength))
        }
        // A quoted field may hold a line break: the location may span lines (a letter prints it as it came), the
        // other text columns are one line; the identifiers below refuse any by their own rules.
        if SingleLineText.hasBreakOrControl(text(.location), allowingLineFeeds: true) { return .failure(.controlCharacter(.location)) }
        for column in Self.freeText where column != .location && SingleLineText.hasBreakOrControl(text(column)) {
            return .failure(.notOneLine(column))
        }
        guard let number = TicketNumber(text(.ticketNumber)) else { return .failure(.invalidTicketNumber(text(.ticketNumber))) }
        guard let plate = PlateNumber(text(.plate)) else { return .failure(.invalidPlate(text(.plate))) }
        guard let region = PlateRegion(text(.plateRegion)) else { return .failure(.invalidPlateRegion(text(.plateRegion))) }
        guard let issuedAt = ISO8601Timestamp.parse(text(.issuedAt)) else {
            return .failure(.invalidTimestamp(text(.issuedAt)))
        }
        guard issuedAt <= now.addingTimeInterval(86_400) else { return .failure(.issuedInFuture(text(.issuedAt))) }
        let amountText = text(.amountCents)
        guard amountText.utf8.allSatisfy({ (48...57).contains($0) }), let amount = Int(amountText) else {
            return .failure(.invalidAmount(amountText))
        }
        guard amount > 0, amount <= maximumAmountCents else { return .failure(.amountOutOfRange(amount)) }
        let towed: Bool
        switch text(.towed).lowercased() {
        case "", "false", "no", "0", "n", "f": towed = false
        case "true", "yes", "1", "y", "t": towed = true
        default: return .failure(.invalidTowed(text(.towed)))
        }
        return .success(
            Ticket(
                number: number,
                plate: Plate(number: plate, region: region),
                issuedAt: issuedAt,
                location: text(.location),
                violation: Violation(code: text(.violationCode), description: text(.violation)),
                amountCents: amount,
                officerID: OfficerID(text(.officerID)),
                towed: towed
            ))
    }
}
