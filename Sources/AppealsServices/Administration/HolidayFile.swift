import AppealsDomain
import Foundation

/// Reads the administrator's holiday file: a `day,name` header, then one holiday per line (`2026-12-25,Christmas Day`).
public enum HolidayFile {
    public struct Result: Sendable {
        public var holidays: [(day: LocalDate, name: String)] = []
        public var problems: [Problem] = []
    }

    /// A line not read (worded by `TicketImportMessages`).
    public enum Problem: Sendable, Equatable {
        case header
        case fieldCount(line: Int, expected: Int)
        case notADate(line: Int, value: String)
        case nameNotOneLine(line: Int)
    }

    public static func read(path: String) throws -> Result {
        let reader = try CSVReader(path: path)
        var result = Result()
        guard let header = try reader.next()?.fields?.map({ $0.trimmingSpaces.lowercased() }),
            let dayColumn = header.firstIndex(of: "day"), let nameColumn = header.firstIndex(of: "name")
        else {
            result.problems.append(.header)
            return result
        }
        while let record = try reader.next() {
            guard let fields = record.fields, fields.count == header.count else {
                result.problems.append(.fieldCount(line: record.line, expected: header.count))
                continue
            }
            let text = fields[dayColumn].trimmingSpaces
            guard let day = LocalDate(iso: text) else {
                result.problems.append(.notADate(line: record.line, value: text))
                continue
            }
            let name = fields[nameColumn].trimmingSpaces
            guard !SingleLineText.hasBreakOrControl(name) else {
                result.problems.append(.nameNotOneLine(line: record.line))
                continue
            }
            result.holidays.append((day, name.isEmpty ? RecordWords.holiday.english : name))
        }
        return result
    }
}
