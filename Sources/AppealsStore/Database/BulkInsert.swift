import Foundation
import SQLKit

/// A multi-row `INSERT … VALUES (…), (…)` with an optional conflict clause and `RETURNING`, written straight
/// into the serializer.
///
/// SQLKit's builder turns every value into an expression node and walks the tree; for the million-row ticket
/// import and the sweeper's bulk writes that walk cost a fifth of the time. This writes the same SQL text (with
/// the dialect's own placeholders) and appends the values as binds, so both engines still get parameterised SQL.
struct BulkInsert: SQLExpression {
    let table: String
    let columns: [String]
    let rows: [[any Encodable & Sendable]]
    var conflict: Conflict = .fail
    var returning: [String] = []

    enum Conflict {
        case fail
        /// Rows whose key exists already are skipped.
        case ignore(key: [String])
        /// Rows whose key exists already update every other column but `keep`.
        case update(key: [String], keep: Set<String> = [])
        /// Rows whose key exists already add `sum` columns to the stored ones and overwrite `set` columns.
        case add(key: [String], sum: [String], set: [String])
    }

    func serialize(to serializer: inout SQLSerializer) {
        let (prefix, numbered) = Placeholder.style(of: serializer)
        var position = serializer.binds.count
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        sql.reserveCapacity(rows.count * columns.count * 6 + 200)
        for (index, row) in rows.enumerated() {
            sql += index == 0 ? "(" : ", ("
            for column in row.indices {
                position += 1
                if column > 0 { sql += ", " }
                sql += numbered ? prefix + String(position) : prefix
            }
            sql += ")"
            serializer.binds.append(contentsOf: row)
        }
        switch conflict {
        case .fail: break
        case .ignore(let key):
            sql += " ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING"
        case .update(let key, let keep):
            let updates = columns.filter { !key.contains($0) && !keep.contains($0) }.map { "\($0) = excluded.\($0)" }
            sql += " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))"
        case .add(let key, let sum, let set):
            let updates = sum.map { "\($0) = \(table).\($0) + excluded.\($0)" } + set.map { "\($0) = excluded.\($0)" }
            sql += " ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))"
        }
        if !returning.isEmpty { sql += " RETURNING \(returning.joined(separator: ", "))" }
        serializer.write(sql)
    }
}

extension SQLDatabase {
    /// Runs a bulk insert; returns the `RETURNING` rows, if any were asked for.
    @discardableResult
    func run(_ insert: BulkInsert) async throws -> [any SQLRow] {
        guard !insert.rows.isEmpty else { return [] }
        return try await all(insert)
    }

    func run(_ select: SelectWhereIn) async throws -> [any SQLRow] {
        guard !select.values.isEmpty else { return [] }
        return try await all(select)
    }

    private func all(_ expression: some SQLExpression) async throws -> [any SQLRow] {
        let rows = RowCollector()
        try await execute(sql: expression) { rows.append($0) }
        return rows.all
    }
}
