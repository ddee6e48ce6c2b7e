import AppealsServices

/// The words of the ticket and holiday imports' reports, read by administrators on the command line and the admin page.
public enum TicketImportWords: String, MessageKey, CaseIterable {
    case line, duplicate, invalidEncoding, unterminatedQuote, wrongFieldCountOne, wrongFieldCount, missing, invalidTicketNumber
    case invalidPlate, invalidPlateRegion, invalidTimestamp, issuedInFuture, invalidAmount, amountOutOfRange, invalidTowed, tooLong
    case notOneLine, controlCharacter
    case summary, emptyFile, headerLacks, unreadable
    case holidayHeader, holidayFieldCount, holidayNotADate, holidayNameNotOneLine

    public var key: String { "ticketImport." + rawValue }

    public var english: String {
        switch self {
        case .line: "line {line}: {problem}"
        case .duplicate: "ticket number already appears on line {line} of this file"
        case .invalidEncoding: "the line is not valid UTF-8 text"
        case .unterminatedQuote: "a quoted field opens here and never closes; nothing after this line was read"
        case .wrongFieldCountOne: "has 1 field but the header has {expected}"
        case .wrongFieldCount: "has {found} fields but the header has {expected}"
        case .missing: "{column} is empty"
        case .invalidTicketNumber: "ticket_number \"{value}\" must be letters and digits (at most {limit})"
        case .invalidPlate: "plate \"{value}\" must be letters and digits (at most {limit})"
        case .invalidPlateRegion: "plate_region \"{value}\" must be letters and digits"
        case .invalidTimestamp: "issued_at \"{value}\" is not an ISO 8601 time with an offset, e.g. 2026-03-03T09:15:00-05:00"
        case .issuedInFuture: "issued_at \"{value}\" is in the future"
        case .invalidAmount: "amount_cents \"{value}\" is not a whole number of cents, e.g. 6500"
        case .amountOutOfRange: "amount_cents {value} is outside the accepted range"
        case .invalidTowed: "towed \"{value}\" must be true or false"
        case .tooLong: "{column} is longer than {limit} characters"
        case .notOneLine: "{column} must be on one line, without line breaks or control characters"
        case .controlCharacter: "{column} holds a control character"
        case .summary: "imported {imported}, updated {updated}, unchanged {unchanged}, rejected {rejected}"
        case .emptyFile: "The file is empty: it needs a header line and at least one ticket."
        case .headerLacks: "The header line lacks the column(s) {missing}. Required: {required}."
        case .unreadable: "Cannot read {path}."
        case .holidayHeader: "line 1: the header must name the columns day and name"
        case .holidayFieldCount: "line {line}: expected {expected} fields"
        case .holidayNotADate: "line {line}: \"{value}\" is not a date (YYYY-MM-DD)"
        case .holidayNameNotOneLine: "line {line}: the name must be on one line, without line breaks or control characters"
        }
    }
}
