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

    /// "imported 3, updated 1, unchanged 0, rejected 2".
    public static func summary(_ totals: TicketImportSummary, in words: Catalogue = .english) -> String {
        words(
            TicketImportWords.summary,
            [
                "imported": "\(totals.imported)", "updated": "\(totals.updated)", "unchanged": "\(totals.unchanged)",
                "rejected": "\(totals.rejected)",
            ])
    }

    /// Why a file could not be imported at all.
    public static func text(for failure: TicketImportFailure, in words: Catalogue = .english) -> String {
        switch failure {
        case .emptyFile: words(TicketImportWords.emptyFile)
        case .header(let problem):
            words(
                TicketImportWords.headerLacks,
                [
                    "missing": problem.missingColumns.map(\.rawValue).joined(separator: ", "),
                    "required": TicketColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ","),
                ])
        case .unreadable(let path): words(TicketImportWords.unreadable, ["path": path])
        }
    }

    /// A line of the holiday file that was not read.
    public static func text(for problem: HolidayFile.Problem, in words: Catalogue = .english) -> String {
        switch problem {
        case .header: words(TicketImportWords.holidayHeader)
        case .fieldCount(let line, let expected):
            words(TicketImportWords.holidayFieldCount, ["line": "\(line)", "expected": "\(expected)"])
        case .notADate(let line, let value): words(TicketImportWords.holidayNotADate, ["line": "\(line)", "value": value])
        case .nameNotOneLine(let line): words(TicketImportWords.holidayNameNotOneLine, ["line": "\(line)"])
        }
    }
}
