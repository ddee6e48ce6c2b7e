import AppealsDomain

/// The words of the import report, read by administrators on the command line and the admin page.
public enum TicketImportMessages {
    public static func text(for reason: TicketImportRejection) -> String {
        switch reason {
        case .duplicate(let firstLine): "ticket number already appears on line \(firstLine) of this file"
        case .invalidEncoding: "the line is not valid UTF-8 text"
        case .unterminatedQuote: "a quoted field opens here and never closes; nothing after this line was read"
        case .record(let problem): text(for: problem)
        }
    }

    public static func text(for problem: TicketRecordProblem) -> String {
        switch problem {
        case .wrongFieldCount(let expected, let found):
            "has \(found) field\(found == 1 ? "" : "s") but the header has \(expected)"
        case .missing(let column): "\(column.rawValue) is empty"
        case .invalidTicketNumber(let value):
            "ticket_number \"\(value)\" must be letters and digits (at most \(TicketNumber.maxLength))"
        case .invalidPlate(let value): "plate \"\(value)\" must be letters and digits (at most \(PlateNumber.maxLength))"
        case .invalidPlateRegion(let value): "plate_region \"\(value)\" must be letters and digits"
        case .invalidTimestamp(let value):
            "issued_at \"\(value)\" is not an ISO 8601 time with an offset, e.g. 2026-03-03T09:15:00-05:00"
        case .issuedInFuture(let value): "issued_at \"\(value)\" is in the future"
        case .invalidAmount(let value): "amount_cents \"\(value)\" is not a whole number of cents, e.g. 6500"
        case .amountOutOfRange(let value): "amount_cents \(value) is outside the accepted range"
        case .invalidTowed(let value): "towed \"\(value)\" must be true or false"
        case .tooLong(let column, let limit): "\(column.rawValue) is longer than \(limit) characters"
        case .notOneLine(let column): "\(column.rawValue) must be on one line, without line breaks or control characters"
        case .controlCharacter(let column): "\(column.rawValue) holds a control character"
        }
    }
}
