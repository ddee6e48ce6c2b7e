import AppealsDomain
import AppealsServices

/// The import report's words (``TicketImportWords``), from a rejected line's facts.
public enum TicketImportMessages {
    /// "line 7: plate "" is empty".
    public static func line(_ row: RejectedTicketRow, in words: Catalogue = .english) -> String {
        words(TicketImportWords.line, ["line": "\(row.line)", "problem": text(for: row.reason, in: words)])
    }

    public static func text(for reason: TicketImportRejection, in words: Catalogue = .english) -> String {
        switch reason {
        case .duplicate(let firstLine): words(TicketImportWords.duplicate, ["line": "\(firstLine)"])
        case .invalidEncoding: words(TicketImportWords.invalidEncoding)
        case .unterminatedQuote: words(TicketImportWords.unterminatedQuote)
        case .record(let problem): text(for: problem, in: words)
        }
    }

    public static func text(for problem: TicketRecordProblem, in words: Catalogue = .english) -> String {
        switch problem {
        case .wrongFieldCount(let expected, let found):
            words(found == 1 ? TicketImportWords.wrongFieldCountOne : .wrongFieldCount, ["expected": "\(expected)", "found": "\(found)"])
        case .missing(let column): words(TicketImportWords.missing, ["column": column.rawValue])
        case .invalidTicketNumber(let value):
            words(TicketImportWords.invalidTicketNumber, ["value": value, "limit": "\(TicketNumber.maxLength)"])
        case .invalidPlate(let value): words(TicketImportWords.invalidPlate, ["value": value, "limit": "\(PlateNumber.maxLength)"])
        case .invalidPlateRegion(let value): words(TicketImportWords.invalidPlateRegion, ["value": value])
        case .invalidTimestamp(let value): words(TicketImportWords.invalidTimestamp, ["value": value])
        case .issuedInFuture(let value): words(TicketImportWords.issuedInFuture, ["value": value])
        case .invalidAmount(let value): words(TicketImportWords.invalidAmount, ["value": value])
        case .amountOutOfRange(let value): words(TicketImportWords.amountOutOfRange, ["value": "\(value)"])
        case .invalidTowed(let value): words(TicketImportWords.invalidTowed, ["value": value])
        case .tooLong(let column, let limit): words(TicketImportWords.tooLong, ["column": column.rawValue, "limit": "\(limit)"])
        case .notOneLine(let column): words(TicketImportWords.notOneLine, ["column": column.rawValue])
        case .controlCharacter(let column): words(TicketImportWords.controlCharacter, ["column": column.rawValue])
        }
    }
}
