import Foundation
import SQLKit

enum Placeholder {
    /// "?" (unnumbered), "?1" (SQLite) or "$1" (PostgreSQL): the dialect's own form, as prefix and numbering.
    static func style(of serializer: SQLSerializer) -> (prefix: String, numbered: Bool) {
        var probe = SQLSerializer(database: serializer.database)
        serializer.dialect.bindPlaceholder(at: 1).serialize(to: &probe)
        let numbered = probe.sql.hasSuffix("1")
        return (numbered ? String(probe.sql.dropLast()) : probe.sql, numbered)
    }
}
