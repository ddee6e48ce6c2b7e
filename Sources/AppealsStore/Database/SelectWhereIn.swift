import Foundation
import SQLKit

/// `SELECT * FROM table WHERE column IN (…)`, written the same direct way as ``BulkInsert``.
struct SelectWhereIn: SQLExpression {
    let table: String
    let column: String
    let values: [String]

    func serialize(to serializer: inout SQLSerializer) {
        let (prefix, numbered) = Placeholder.style(of: serializer)
        var position = serializer.binds.count
        var list: [String] = []
        list.reserveCapacity(values.count)
        for _ in values {
            position += 1
            list.append(numbered ? prefix + String(position) : prefix)
        }
        serializer.binds.append(contentsOf: values)
        serializer.write("SELECT * FROM \(table) WHERE \(column) IN (\(list.joined(separator: ", ")))")
    }
}
