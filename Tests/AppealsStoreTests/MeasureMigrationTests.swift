import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

/// Migrations 0017 and 0018 fill the dashboard's columns and the enforcement feed from what was stored before it (the
/// decision's JSON, the filing's timeline entry), on both engines, with the values the store writes today.
@Suite("Migrations 0017 and 0018 on cases stored before them")
struct MeasureMigrationTests {
    @Test(arguments: TestDatabase.engines)
    func decidedAndWithdrawnCasesGetTheirOutcomeTimesReviewerChannelAndEnforcementRows(engine: DatabaseEngine) async throws {
        try await EarlierSchema.with(engine, before: "0017") { db in
            let received = instant("2026-03-03T10:00:00-05:00")
            let decidedAt = instant("2026-03-09T10:00:00-04:00")
            let decision = Decision(
                outcome: .reduced, amountDueCents: 3_000, reasonCode: .mitigatingCircumstances, decidedBy: StaffID("rev-1"),
                approvedBy: nil, decidedAt: decidedAt)
            let json = String(decoding: try JSONEncoder.sorted.encode(decision), as: UTF8.self)
            try await db.withConnection { conn in
                for (reference, state, decision) in [("DECIDED", "decided", json as String?), ("WITHDRAWN", "withdrawn", nil)] {
                    try await conn.raw(
                        """
                        INSERT INTO cases (reference, ticket_number, ticket_amount_cents, towed, grounds, received_at, late, state, version,
                          state_changed_at, queue, escalated, vulnerable, contact_count, priority, decision, updated_at)
                        VALUES (\(bind: reference), 'T1', 6500, \(bind: false), 'other', \(bind: ISO8601Timestamp.formatUTC(received)),
                          \(bind: false), \(bind: state), 3, '2026-03-05T14:00:00Z', 'team', \(bind: false), \(bind: false), 0, 0,
                          \(bind: decision), '2026-03-09T14:00:00Z')
                        """
                    ).run()
                    try await conn.raw(
                        """
                        INSERT INTO interactions (id, case_reference, occurred_at, channel, direction, actor, kind, public)
                        VALUES (\(bind: "i-" + reference), \(bind: reference), '2026-03-03T15:00:00Z', \(bind: reference == "DECIDED" ? "phone" : "mail"),
                          'in', 'dan', 'appeal_filed', \(bind: true))
                        """
                    ).run()
                }
            }
            try await MigrationRunner(folder: TestDatabase.migrationsFolder).migrate(db, logger: TestDatabase.logger)

            #expect(
                try await db.strings(
                    """
                    SELECT reference || ' ' || channel || ' ' || outcome || ' ' || concluded_at || ' ' || COALESCE(decided_by, '-') || ' '
                      || COALESCE(CAST(hours_to_decision AS TEXT), '-') || ' ' || CAST(amount_due_cents AS TEXT) AS v
                    FROM cases ORDER BY reference
                    """) == [
                        "DECIDED phone reduced 2026-03-09T14:00:00Z rev-1 143 3000",
                        "WITHDRAWN mail withdrawn 2026-03-05T14:00:00Z - - 6500",
                    ])
            #expect(
                try await db.strings(
                    "SELECT measure || ' ' || day || ' ' || key || ' ' || CAST(n AS TEXT) AS v FROM measure_counts ORDER BY measure, key")
                    == [
                        "concluded 2026-03-09 reduced|other 1", "concluded 2026-03-05 withdrawn|other 1",
                        "decided 2026-03-09 reduced|rev-1 1",
                        "decision_hours 2026-03-09 138 1", "received 2026-03-03 mail 1", "received 2026-03-03 phone 1",
                    ], "the daily counts of what happened before, by UTC day")
            var migrated = Case(
                reference: CaseReference(randomBits: 1), ticketNumber: TicketNumber("T1")!, ticketAmountCents: 6_500, towed: false,
                grounds: [.other], receivedAt: received, late: false, state: .decided)
            migrated.decision = decision
            #expect(migrated.hoursToDecision == 143, "what the store writes for a case decided from now on")
            #expect(
                try await db.strings(
                    """
                    SELECT case_reference || ' ' || event || ' ' || hold_from || ' ' || COALESCE(outcome, '-') || ' '
                      || COALESCE(CAST(amount_cents AS TEXT), '-') AS v FROM enforcement_events WHERE export_id IS NULL ORDER BY case_reference, event
                    """) == [
                        "DECIDED hold 2026-03-03T15:00:00Z - -", "DECIDED outcome 2026-03-03T15:00:00Z reduced 3000",
                        "WITHDRAWN hold 2026-03-03T15:00:00Z - -", "WITHDRAWN outcome 2026-03-03T15:00:00Z withdrawn 6500",
                    ])
        }
    }
}
