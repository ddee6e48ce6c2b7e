import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

/// The agent's search never scans a table: its statement, for each reading alone and for all of them at once, reads
/// every table through an index on both engines (on PostgreSQL with sequential scans priced out, as an empty test
/// table would otherwise be scanned). SQLite's plan may scan `f` or `r0`, `r1`…: the few references each reading
/// found, which are no table.
@Suite("The agent's search is served from indexes")
struct CaseSearchPlanTests {
    static let readings: [SearchQuery] = [
        .reference(CaseReference(randomBits: 1)), .mistypedReference(nearMatches: [CaseReference(randomBits: 2)]),
        .ticket(TicketNumber("PCN123")!), .plate(PlateNumber("AB12CDE")!), .phone("+12035551234"),
        .email("someone@example.org"), .surname("munoz"), .name(surname: "munoz", given: ["jose", "m"]),
    ]

    @Test(arguments: TestDatabase.engines)
    func everyReadingAndTheResultsUseAnIndex(engine: DatabaseEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await database.withConnection { db in
                if engine == .postgres { try await db.raw("SET enable_seqscan = off").run() }
                let statements =
                    Self.readings.map { (SQLCaseSearch.search([$0], limit: 10), "\($0)") }
                    + [(SQLCaseSearch.search(Self.readings, limit: 10), "every reading")]
                for (statement, what) in statements {
                    let plan = try await Self.plan(statement, engine: engine, on: db)
                    switch engine {
                    case .sqlite:
                        #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") && !Self.isFound($0) }, "\(what): \(plan)")
                        #expect(plan.contains { $0.contains("USING") }, "\(what): \(plan)")
                        // "Newest first" is read from the index, not sorted afterwards.
                        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(what): \(plan)")
                    case .postgres:
                        #expect(!plan.contains { $0.contains("Seq Scan") }, "\(what): \(plan)")
                        #expect(plan.contains { $0.contains("Index") }, "\(what): \(plan)")
                    }
                }
            }
        }
    }

    /// A scan of the references found (`SCAN f`, `SCAN r3`), not of a table.
    static func isFound(_ step: String) -> Bool {
        step == "SCAN f" || (step.hasPrefix("SCAN r") && step.dropFirst(6).allSatisfy(\.isNumber) && step.count > 6)
    }

    static func plan(_ statement: SQLQueryString, engine: DatabaseEngine, on db: any SQLDatabase) async throws -> [String] {
        switch engine {
        case .sqlite:
            return try await db.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
        case .postgres:
            return try await db.raw("EXPLAIN \(statement)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
        }
    }
}
