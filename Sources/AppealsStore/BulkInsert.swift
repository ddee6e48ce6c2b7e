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

/// Collects result rows from SQLKit's callback.
final class RowCollector: @unchecked Sendable {
    private var rows: [any SQLRow] = []
    // SQLKit calls back serially for one query; the lock is for the compiler's benefit and costs nothing contended.
    private let lock = NSLock()
    func append(_ row: any SQLRow) { lock.withLock { rows.append(row) } }
    var all: [any SQLRow] { lock.withLock { rows } }
}

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

enum Placeholder {
    /// "?" (unnumbered), "?1" (SQLite) or "$1" (PostgreSQL): the dialect's own form, as prefix and numbering.
    static func style(of serializer: SQLSerializer) -> (prefix: String, numbered: Bool) {
        var probe = SQLSerializer(database: serializer.database)
        serializer.dialect.bindPlaceholder(at: 1).serialize(to: &probe)
        let numbered = probe.sql.hasSuffix("1")
        return (numbered ? String(probe.sql.dropLast()) : probe.sql, numbered)
    }
}
