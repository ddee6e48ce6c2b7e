import AppealsDomain
import AppealsServices
import AppealsStore
import ArgumentParser
@preconcurrency import Foundation
import Logging
import SQLKit

/// `appeals-bench dashboard`: seeds CASES appeals spread evenly over the two years up to 4 December 2026 (with their
/// deadlines, a filing and some calls each, and the decision letters of the concluded ones), then times the
/// dashboard's figures (the server's work for one page: this period, the period before, the appeals open now) for
/// the last 30 days and for the whole two years. Target: under 150 ms and under 1 s.
struct DashboardBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard")

    @Option var cases = 1_000_000
    @Option(help: "postgres:// URL, or an SQLite file path (a fresh database).") var database: String
    @Option(help: "Timed runs of each period.") var runs = 5
    @Flag(help: "Time an already seeded database.") var skipSeed = false

    static let now = ISO8601Timestamp.parse("2026-12-04T17:00:00Z")!
    static let zone = TimeZone(identifier: "America/New_York")!

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let location: DatabaseLocation = database.hasPrefix("postgres") ? .postgres(url: database) : .sqlite(path: database)
        let db = try await AppDatabase.open(location, logger: logger)
        do {
            if !skipSeed {
                try await MigrationRunner(folder: Seeder.migrations).migrate(db, logger: logger)
                let started = ContinuousClock.now
                try await Self.seed(db, cases: cases)
                try await db.withConnection { try await $0.raw("ANALYZE").run() }
                print("seeded \(cases) cases in \(ContinuousClock.now - started)")
            }
            let calendar = BusinessCalendar(timeZone: Self.zone)
            let dashboard = Dashboard(queries: SQLMeasureQueries(database: db), calendar: calendar, clock: FixedWallClock(Self.now))
            let today = calendar.localDate(Self.now)
            for (name, period) in [
                ("last 30 days", ReportingPeriod.last30Days(today)),
                ("two years", ReportingPeriod(from: today.adding(days: -729), to: today)!),
            ] {
                var times: [Double] = []
                var report: DashboardReport?
                for _ in 0..<(runs + 1) {
                    let started = ContinuousClock.now
                    report = try await dashboard.report(period)
                    let elapsed = ContinuousClock.now - started
                    times.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
                }
                let timed = times.dropFirst().sorted()  // the first run warms the caches
                let f = report!.current
                print(
                    String(
                        format:
                            "%@ (%@): median %.1f ms, best %.1f ms, worst %.1f ms over %d runs — %d received, %d decisions, %d calls, %d open at the end",
                        name, location.engine.rawValue, timed[timed.count / 2], timed.first!, timed.last!, timed.count, f.receivedTotal,
                        f.decisions, f.calls, f.openAtEndTotal))
            }
            await db.close()
        } catch {
            await db.close()
            throw error
        }
    }

    /// Deterministic, varied cases: 70 % on the web, 20 % by phone, 10 % by post; those received in the last 40 days
    /// open, the rest upheld, cancelled, reduced, withdrawn or (1 %) deemed accepted, by one of 20 reviewers.
    static func seed(_ db: AppDatabase, cases: Int) async throws {
        let span = 730.0 * 86_400
        let start = now.addingTimeInterval(-span)
        let calendar = BusinessCalendar(timeZone: zone)
        let grounds = Ground.allCases.map(\.rawValue)
        try await db.withConnection { conn in
            try await conn.raw("INSERT INTO ticket_imports (id, source, started_at) VALUES ('bench', 'bench', '2024-12-01T10:00:00Z')")
                .run()
            try await conn.raw(
                """
                INSERT INTO tickets (ticket_number, plate, plate_region, issued_at, location, violation_code, violation,
                  amount_cents, officer_id, towed, first_imported_at, last_import_id, last_import_line)
                VALUES ('B1', 'B1', 'NY', '2024-12-01T10:00:00Z', 'Main St', 'P01', 'x', 6500, 'C1', \(bind: false),
                  '2024-12-01T10:00:00Z', 'bench', 2)
                """
            ).run()
            for r in 0..<20 {
                try await conn.raw(
                    """
                    INSERT INTO staff (id, name, email, started_on, active, created_at)
                    VALUES (\(bind: "rev-\(r)"), \(bind: "Reviewer \(r)"), \(bind: "rev-\(r)@example.org"), '2020-01-01', \(bind: true),
                            '2020-01-01T00:00:00Z')
                    """
                ).run()
            }
            for week in 0..<104 {
                let printed = ISO8601Timestamp.formatUTC(start.addingTimeInterval(Double(week) * 7 * 86_400 + 86_400))
                try await conn.raw(
                    """
                    INSERT INTO letter_batches (id, status, cutoff, created_at, created_by, letters, printed_at)
                    VALUES (\(bind: "batch-\(week)"), 'posted', \(bind: printed), \(bind: printed), 'clerk', \(bind: cases / 104), \(bind: printed))
                    """
                ).run()
            }
        }
        // The daily counts the store keeps as cases change (`measure_counts`), added up as the cases are made.
        var counts: [String: Int] = [:]
        func count(_ at: Date, _ measure: String, _ key: String, _ n: Int = 1) {
            counts["\(calendar.localDate(at))|\(measure)|\(key)", default: 0] += n
        }
        for week in 0..<104 { count(start.addingTimeInterval(Double(week) * 7 * 86_400 + 86_400), "letters_printed", "", cases / 104) }
        for first in stride(from: 0, to: cases, by: 5_000) {
            var caseRows: [[any SQLExpression]] = []
            var deadlineRows: [[any SQLExpression]] = []
            var interactionRows: [[any SQLExpression]] = []
            var letterRows: [[any SQLExpression]] = []
            for i in first..<min(first + 5_000, cases) {
                let hash = UInt64(i) &* 2_654_435_761 &+ 17
                let reference = CaseReference(randomBits: hash).value
                let received = start.addingTimeInterval(span * Double(i) / Double(cases))
                let open = now.timeIntervalSince(received) < 40 * 86_400
                let channel = i % 10 < 7 ? "web" : i % 10 < 9 ? "phone" : "mail"
                let ground = grounds[Int(hash % UInt64(grounds.count))] + (i % 7 == 0 ? ",other" : "")
                let days = 5 + Double(hash % 45)
                let concluded = received.addingTimeInterval(days * 86_400 + Double(hash % 36_000))
                let outcome: String? =
                    open
                    ? nil
                    : i % 100 == 99
                        ? "deemed_accepted"
                        : ["upheld", "upheld", "upheld", "cancelled", "cancelled", "reduced", "reduced", "withdrawn"][i % 8]
                let decided = outcome.map { $0 != "withdrawn" && $0 != "deemed_accepted" } ?? false
                let state =
                    outcome == nil
                    ? ["submitted", "in_review", "awaiting_citizen", "awaiting_approval"][i % 4]
                    : outcome == "withdrawn"
                        ? "withdrawn"
                        : outcome == "deemed_accepted"
                            ? "deemed_accepted"
                            : now.timeIntervalSince(concluded) > 30 * 86_400 ? "closed" : "decided"
                let concludedText: (any SQLExpression) = outcome == nil ? SQLLiteral.null : SQLBind(ISO8601Timestamp.formatUTC(concluded))
                count(received, "received", channel)
                if let outcome {
                    count(concluded, "concluded", outcome + "|" + ground)
                    if decided {
                        count(concluded, "decided", outcome + "|rev-\(i % 20)")
                        count(concluded, "decision_hours", String(Int(concluded.timeIntervalSince(received) / 3_600) / 6 * 6))
                    }
                }
                caseRows.append([
                    SQLBind(reference), SQLBind("B1"), SQLBind(6_500), SQLBind(false), SQLBind(ground),
                    SQLBind(ISO8601Timestamp.formatUTC(received)),
                    SQLBind(false), SQLBind(state), SQLBind(3), SQLBind(ISO8601Timestamp.formatUTC(outcome == nil ? received : concluded)),
                    SQLBind("team"), SQLBind(false), SQLBind(false), SQLBind(i % 10 == 0 ? 2 : i % 3 == 0 ? 1 : 0), SQLBind(0),
                    SQLBind(ISO8601Timestamp.formatUTC(received)), SQLBind(channel), outcome.map { SQLBind($0) } ?? SQLLiteral.null,
                    concludedText,
                    decided ? SQLBind("rev-\(i % 20)") : SQLLiteral.null,
                    decided ? SQLBind(Int(concluded.timeIntervalSince(received) / 3_600)) : SQLLiteral.null,
                ])
                let receivedDay = calendar.localDate(received)
                for (kind, after, onTime) in [
                    ("acknowledgement", 2, i % 10 != 0), ("first_review", 14, i % 6 != 0), ("decision", 56, i % 100 != 99),
                ] {
                    let due = receivedDay.adding(days: after)
                    let running = open && (kind == "decision" || i % 2 == 0)
                    if !running {
                        count(received.addingTimeInterval(Double(after) * 43_200), "deadline_met", kind + (onTime ? "|on_time" : "|late"))
                    }
                    deadlineRows.append([
                        SQLBind(reference), SQLBind(kind), SQLBind(running ? "running" : "met"),
                        running ? SQLBind(ISO8601Timestamp.formatUTC(calendar.startOfDay(due.adding(days: 1)))) : SQLLiteral.null,
                        SQLLiteral.null,
                        running
                            ? SQLLiteral.null : SQLBind(ISO8601Timestamp.formatUTC(received.addingTimeInterval(Double(after) * 43_200))),
                        SQLBind(due.description), SQLBind(receivedDay.description), SQLBind(0), SQLBind(1),
                        running ? SQLLiteral.null : SQLBind(onTime),
                    ])
                }
                interactionRows.append(Self.interaction(reference, received, channel, "appeal_filed", resolved: nil, n: 0))
                if i % 3 == 0 {
                    count(received.addingTimeInterval(3 * 86_400), "call", i % 9 != 0 ? "resolved|first" : "unresolved|first")
                    interactionRows.append(
                        Self.interaction(reference, received.addingTimeInterval(3 * 86_400), "phone", "call", resolved: i % 9 != 0, n: 1))
                }
                if i % 10 == 0 {
                    count(received.addingTimeInterval(9 * 86_400), "call", i % 3 == 0 ? "unresolved|repeat" : "unresolved|first")
                    interactionRows.append(
                        Self.interaction(reference, received.addingTimeInterval(9 * 86_400), "phone", "call", resolved: false, n: 2))
                }
                if decided {
                    let posted = calendar.localDate(concluded.addingTimeInterval(86_400))
                    counts["\(posted)|letters_posted|", default: 0] += 1
                    if i % 100 == 7 { count(concluded.addingTimeInterval(8 * 86_400), "letters_returned", "") }
                    letterRows.append([
                        SQLBind("l-\(reference)"), SQLBind(reference), SQLBind("decision"), SQLBind(i % 100 == 7 ? "returned" : "posted"),
                        SQLBind(ISO8601Timestamp.formatUTC(concluded)),
                        SQLBind("batch-\(min(103, Int(concluded.timeIntervalSince(start) / (7 * 86_400))))"),
                        SQLBind(posted.description),
                        i % 100 == 7 ? SQLBind(ISO8601Timestamp.formatUTC(concluded.addingTimeInterval(8 * 86_400))) : SQLLiteral.null,
                    ])
                }
            }
            try await db.transaction { conn in
                func insert(_ table: String, _ columns: [String], _ rows: [[any SQLExpression]]) async throws {
                    for chunk in stride(from: 0, to: rows.count, by: 400) {
                        try await conn.insert(into: table).columns(columns).rows(Array(rows[chunk..<min(chunk + 400, rows.count)])).run()
                    }
                }
                try await insert(
                    "cases",
                    [
                        "reference", "ticket_number", "ticket_amount_cents", "towed", "grounds", "received_at", "late", "state", "version",
                        "state_changed_at", "queue", "escalated", "vulnerable", "contact_count", "priority", "updated_at", "channel",
                        "outcome",
                        "concluded_at", "decided_by", "hours_to_decision",
                    ], caseRows)
                try await insert(
                    "case_deadlines",
                    [
                        "case_reference", "kind", "status", "due_at", "warn_at", "met_at", "due_date", "start_date", "paused_days",
                        "policy_version", "met_on_time",
                    ], deadlineRows)
                try await insert(
                    "interactions",
                    ["id", "case_reference", "occurred_at", "channel", "direction", "actor", "kind", "public", "call_resolved"],
                    interactionRows)
                try await insert(
                    "letters", ["id", "case_reference", "kind", "status", "queued_at", "batch_id", "posted_on", "returned_at"], letterRows)
            }
        }
        let rows: [[any SQLExpression]] = counts.sorted { $0.key < $1.key }.map { id, n in
            let parts = id.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return [SQLBind(parts[0]), SQLBind(parts[1]), SQLBind(parts[2]), SQLBind(n)]
        }
        try await db.transaction { conn in
            for chunk in stride(from: 0, to: rows.count, by: 400) {
                try await conn.insert(into: "measure_counts").columns("day", "measure", "key", "n")
                    .rows(Array(rows[chunk..<min(chunk + 400, rows.count)])).run()
            }
        }
    }

    static func interaction(_ reference: String, _ at: Date, _ channel: String, _ kind: String, resolved: Bool?, n: Int)
        -> [any SQLExpression]
    {
        [
            SQLBind("\(reference)-\(n)"), SQLBind(reference), SQLBind(ISO8601Timestamp.formatUTC(at)), SQLBind(channel), SQLBind("in"),
            SQLBind(kind == "call" ? "agent" : "citizen"), SQLBind(kind), SQLBind(kind != "call"),
            resolved.map { SQLBind($0) } ?? SQLLiteral.null,
        ]
    }
}
