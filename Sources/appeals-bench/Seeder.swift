import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
@preconcurrency import Foundation
import Logging
import SQLKit

enum Seeder {
    static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("migrations")

    static func seed(_ db: AppDatabase, cases: Int, due: Int, zone: TimeZone) async throws {
        let filed = ISO8601Timestamp.parse("2026-03-03T10:00:00-05:00")!
        let store = SQLCaseStore(database: db)
        try await db.withConnection { conn in
            try await conn.raw("INSERT INTO ticket_imports (id, source, started_at) VALUES ('bench', 'bench', '2026-03-01T10:00:00Z')")
                .run()
            try await conn.raw(
                """
                INSERT INTO tickets (ticket_number, plate, plate_region, issued_at, location, violation_code, violation,
                  amount_cents, officer_id, towed, first_imported_at, last_import_id, last_import_line)
                VALUES ('B1', 'B1', 'NY', '2026-03-01T10:00:00Z', 'Main St', 'P01', 'x', 6500, 'C1', \(bind: false),
                  '2026-03-01T10:00:00Z', 'bench', 2)
                """
            ).run()
        }
        // The cases with something due go through the real filing path, written in bulk.
        let rules = try await store.deadlineRules(timeZone: zone)
        for start in stride(from: 0, to: due, by: 2_000) {
            let changes = try (start..<min(start + 2_000, due)).map { i in
                try FileAppeal.change(
                    filing: Case(
                        reference: CaseReference(randomBits: UInt64(i) &* 2_654_435_761 &+ 17), ticketNumber: TicketNumber("B1")!,
                        ticketAmountCents: 6_500, towed: false, grounds: [.other], receivedAt: filed, late: false),
                    details: Self.details(i), channel: .web, by: .citizen, rules: rules
                )
            }
            try await store.seed(changes)
        }
        // The others only need what the sweeper's query sees: a case row and deadlines due far ahead.
        let background = cases - due
        for start in stride(from: 0, to: background, by: 5_000) {
            let count = min(5_000, background - start)
            try await db.transaction { conn in
                var caseRows: [[any SQLExpression]] = []
                var deadlineRows: [[any SQLExpression]] = []
                for i in start..<(start + count) {
                    let reference = CaseReference(randomBits: UInt64(i + due) &* 2_654_435_761 &+ 17).value
                    caseRows.append([
                        SQLBind(reference), SQLBind("B1"), SQLBind(6_500), SQLBind(false), SQLBind("other"),
                        SQLBind("2026-11-01T15:00:00Z"), SQLBind(false), SQLBind("in_review"), SQLBind(2),
                        SQLBind("2026-11-02T15:00:00Z"), SQLBind("team"), SQLBind(false), SQLBind(false), SQLBind(0),
                        SQLBind(0), SQLBind("2026-11-02T15:00:00Z"),
                    ])
                    deadlineRows.append([
                        SQLBind(reference), SQLBind("decision"), SQLBind("running"), SQLBind("2026-12-28T05:00:00Z"),
                        SQLBind("2026-12-23T13:00:00Z"), SQLBind("2026-12-27"), SQLBind("2026-11-01"), SQLBind(0),
                        SQLBind(1), SQLBind("2026-12-23T13:00:00Z"), SQLBind("warning"),
                    ])
                }
                for chunk in stride(from: 0, to: count, by: 500) {
                    try await conn.insert(into: "cases")
                        .columns(
                            "reference", "ticket_number", "ticket_amount_cents", "towed", "grounds", "received_at", "late",
                            "state", "version", "state_changed_at", "queue", "escalated", "vulnerable", "contact_count",
                            "priority", "updated_at"
                        )
                        .rows(Array(caseRows[chunk..<min(chunk + 500, count)])).run()
                    try await conn.insert(into: "case_deadlines")
                        .columns(
                            "case_reference", "kind", "status", "due_at", "warn_at", "due_date", "start_date", "paused_days",
                            "policy_version", "next_fire_at", "next_fire_level"
                        )
                        .rows(Array(deadlineRows[chunk..<min(chunk + 500, count)])).run()
                }
            }
        }
    }

    /// Case `i`'s citizen: one of 1,000 surnames (so each is shared by one case in a thousand) and a number of its own
    /// (`+1555` and seven digits), for the agent-search benchmark.
    static func details(_ i: Int) -> AppealDetails {
        AppealDetails(statement: "s", contactName: "Pat " + surname(i), postalAddress: "a", mobile: mobile(i))
    }

    static func surname(_ i: Int) -> String {
        let first = ["Al", "Bar", "Cor", "Dun", "El", "Fair", "Gar", "Hal", "Ing", "Jar"]
        let second = ["ton", "son", "ley", "wood", "ford", "man", "ridge", "well", "by", "more"]
        let third = ["", "a", "e", "i", "o", "u", "y", "an", "en", "in"]
        return first[i % 10] + second[i / 10 % 10] + third[i / 100 % 10]
    }

    static func mobile(_ i: Int) -> String { "+1555" + String(String(10_000_000 + i % 10_000_000).dropFirst()) }
}
