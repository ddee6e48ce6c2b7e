import AppealsDomain
import Foundation

/// Reads the administrator's holiday file: a `day,name` header, then one holiday per line (`2026-12-25,Christmas Day`).
public enum HolidayFile {
    public struct Result: Sendable {
        public var holidays: [(day: LocalDate, name: String)] = []
        /// "line 4: "2026-02-30" is not a date (YYYY-MM-DD)".
        public var problems: [String] = []
    }

    public static func read(path: String) throws -> Result {
        let reader = try CSVReader(path: path)
        var result = Result()
        guard let header = try reader.next()?.fields?.map({ $0.trimmingSpaces.lowercased() }),
            let dayColumn = header.firstIndex(of: "day"), let nameColumn = header.firstIndex(of: "name")
        else {
            result.problems.append("line 1: the header must name the columns day and name")
            return result
        }
        while let record = try reader.next() {
            guard let fields = record.fields, fields.count == header.count else {
                result.problems.append("line \(record.line): expected \(header.count) fields")
                continue
            }
            let text = fields[dayColumn].trimmingSpaces
            guard let day = LocalDate(iso: text) else {
                result.problems.append("line \(record.line): \"\(text)\" is not a date (YYYY-MM-DD)")
                continue
            }
            let name = fields[nameColumn].trimmingSpaces
            guard !SingleLineText.hasBreakOrControl(name) else {
                result.problems.append("line \(record.line): the name must be on one line, without line breaks or control characters")
                continue
            }
            result.holidays.append((day, name.isEmpty ? "Holiday" : name))
        }
        return result
    }
}
