import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The dashboard's figures: sums of the daily counts (`measure_counts`), the running deadlines past due, and the appeals
/// open at a moment (index ranges; see migration 0017); the same SQL on both engines.
public struct SQLMeasureQueries: MeasureQueries {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let measuredDeadlines = [DeadlineKind.acknowledgement, .firstReview, .decision].map(\.rawValue)
    static let openStates = CaseState.allCases.filter(\.isUndecided).map(\.rawValue)

    public func figures(_ period: ReportingPeriod, start: Date, end: Date, now: Date) async throws -> PeriodFigures {
        try await database.withConnection { db in
            var f = PeriodFigures()
            // Everything counted as it happened: one sum per measure and key over the period's days.
            for row in try await db.raw(
                """
                SELECT measure, key, CAST(SUM(n) AS BIGINT) AS n FROM measure_counts
                WHERE day >= \(bind: period.from.description) AND day <= \(bind: period.to.description)
                GROUP BY measure, key
                """
            ).all() {
                guard let measure = MeasureCount.Measure(rawValue: try row.decode(column: "measure", as: String.self)) else { continue }
                let key = try row.decode(column: "key", as: String.self)
                let n = try row.decode(column: "n", as: Int.self)
                let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                switch measure {
                case .received: f.received[Channel(rawValue: key) ?? .web, default: 0] += n
                case .concluded:
                    guard parts.count == 2, let conclusion = Conclusion(rawValue: parts[0]) else { continue }
                    f.conclusions.append(
                        PeriodFigures.GroundsConclusion(
                            grounds: parts[1].split(separator: ",").compactMap { Ground(rawValue: String($0)) }, conclusion: conclusion,
                            count: n))
                case .decided:
                    guard parts.count == 2, let conclusion = Conclusion(rawValue: parts[0]) else { continue }
                    f.decisionsByReviewer[StaffID(parts[1]), default: [:]][conclusion, default: 0] += n
                case .decisionHours:
                    if let hours = Int(key) { f.hoursToDecision[hours, default: 0] += n }
                case .deadlineMet:
                    guard parts.count == 2, let kind = DeadlineKind(rawValue: parts[0]) else { continue }
                    if parts[1] == "on_time" {
                        f.deadlines[kind, default: .init()].onTime += n
                    } else {
                        f.deadlines[kind, default: .init()].late += n
                    }
                case .call:
                    f.calls += n
                    if parts.first == "resolved" { f.callsResolved += n }
                    if parts.last == "repeat" { f.repeatCalls += n }
                case .lettersPrinted: f.lettersPrinted += n
                case .lettersPosted: f.lettersPosted += n
                case .lettersReturned: f.lettersReturned += n
                }
            }
            // Deadlines due in the period and still open past their due time: running ones only.
            for row in try await db.raw(
                """
                SELECT kind, COUNT(*) AS n FROM case_deadlines
                WHERE status = 'running' AND due_date >= \(bind: period.from.description) AND due_date <= \(bind: period.to.description)
                  AND kind IN (\(binds: Self.measuredDeadlines)) AND due_at < \(bind: Stored.time(now))
                GROUP BY kind
                """
            ).all() {
                guard let kind = DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                f.deadlines[kind, default: .init()].missed += try row.decode(column: "n", as: Int.self)
            }
            f.openAtEnd = try await Self.openByAge(at: end, on: db)
            try await Self.twoWay(into: &f, start: start, end: end, now: now, on: db)
            return f
        }
    }

    /// Messages received in the period and the first word back to each; calls back whose window ended in it.
    static func twoWay(into f: inout PeriodFigures, start: Date, end: Date, now: Date, on db: any SQLDatabase) async throws {
        let (from, to) = (Stored.time(start), Stored.time(end))
        for row in try await db.raw(
            """
            SELECT m.channel, m.received_at, CASE WHEN m.answered_at IS NOT NULL THEN m.answered_at ELSE (
                SELECT MIN(i.occurred_at) FROM interactions i WHERE i.case_reference = m.case_reference
                AND i.kind IN ('message_written', 'call') AND i.occurred_at >= m.received_at) END AS replied_at
            FROM inbound_messages m
            WHERE m.received_at >= \(bind: from) AND m.received_at < \(bind: to) AND m.state = 'done'
              AND m.disposition IN ('on_case', 'unmatched')
            """
        ).all() {
            let channel = Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .email
            f.messagesReceived[channel, default: 0] += 1
            if let replied = try Stored.optionalDate(row, "replied_at") {
                f.hoursToFirstReply.append(max(0, Int(replied.timeIntervalSince(try Stored.date(row, "received_at")) / 3_600)))
            } else {
                f.messagesUnanswered += 1
            }
        }
        for row in try await db.raw(
            """
            SELECT result, COUNT(*) AS n FROM (
                SELECT CASE WHEN done_at IS NULL THEN 'missed' WHEN done_at <= ends_at THEN 'on_time' ELSE 'late' END AS result
                FROM callbacks WHERE ends_at >= \(bind: from) AND ends_at < \(bind: to)
                  AND (done_at IS NOT NULL OR ends_at < \(bind: Stored.time(now)))) AS kept
            GROUP BY result
            """
        ).all() {
            let n = try row.decode(column: "n", as: Int.self)
            switch try row.decode(column: "result", as: String.self) {
            case "on_time": f.callbacks.onTime += n
            case "late": f.callbacks.late += n
            default: f.callbacks.missed += n
            }
        }
    }

    /// Appeals open at `moment` by age: those open now received before it, and those concluded since that had been
    /// received before it.
    static func openByAge(at moment: Date, on db: any SQLDatabase) async throws -> [AgeBucket: Int] {
        var sql: SQLQueryString = "SELECT bucket, COUNT(*) AS n FROM (SELECT \(ageBucket(at: moment)) AS bucket FROM ("
        sql.appendInterpolation(openAt(moment, column: "received_at"))
        sql.appendInterpolation(unsafeRaw: ") AS open_then) AS open_cases GROUP BY bucket")
        var result: [AgeBucket: Int] = [:]
        for row in try await db.raw(sql).all() {
            if let bucket = AgeBucket(rawValue: try row.decode(column: "bucket", as: Int.self)) {
                result[bucket] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
    }

    /// `column` of the cases open at `moment`: open now and received before it, or concluded since and received before
    /// it. Two index ranges (`cases_open_age`, `cases_concluded`) rather than one `OR`, which SQLite answered by reading
    /// every case received before the moment.
    static func openAt(_ moment: Date, column: String) -> SQLQueryString {
        let at = Stored.time(moment)
        var sql: SQLQueryString = "SELECT \(unsafeRaw: column) FROM cases WHERE state IN ("
        sql.appendInterpolation(binds: openStates)
        sql.appendInterpolation(unsafeRaw: ") AND received_at < ")
        sql.appendInterpolation(bind: at)
        sql.appendInterpolation(unsafeRaw: " UNION ALL SELECT \(column) FROM cases WHERE concluded_at >= ")
        sql.appendInterpolation(bind: at)
        sql.appendInterpolation(unsafeRaw: " AND received_at < ")
        sql.appendInterpolation(bind: at)
        return sql
    }

    /// `CASE WHEN received_at >= … THEN 0 … ELSE 5 END`: the age bucket at `moment`.
    static func ageBucket(at moment: Date) -> SQLQueryString {
        var sql: SQLQueryString = "CASE"
        for bucket in AgeBucket.allCases {
            guard let from = bucket.receivedFrom(at: moment) else {
                sql.appendInterpolation(unsafeRaw: " ELSE \(bucket.rawValue) END")
                break
            }
            sql.appendInterpolation(unsafeRaw: " WHEN received_at >= ")
            sql.appendInterpolation(bind: Stored.time(from))
            sql.appendInterpolation(unsafeRaw: " THEN \(bucket.rawValue)")
        }
        return sql
    }

    public func openNow(now: Date) async throws -> [CaseState: [AgeBucket: Int]] {
        try await database.withConnection { db in
            var sql: SQLQueryString = "SELECT state, bucket, COUNT(*) AS n FROM (SELECT state, \(Self.ageBucket(at: now)) AS bucket "
            sql.appendInterpolation(unsafeRaw: "FROM cases WHERE state IN (")
            sql.appendInterpolation(binds: Self.openStates)
            sql.appendInterpolation(unsafeRaw: ")) AS open_cases GROUP BY state, bucket")
            var result: [CaseState: [AgeBucket: Int]] = [:]
            for row in try await db.raw(sql).all() {
                guard let state = CaseState(rawValue: try row.decode(column: "state", as: String.self)),
                    let bucket = AgeBucket(rawValue: try row.decode(column: "bucket", as: Int.self))
                else { continue }
                result[state, default: [:]][bucket] = try row.decode(column: "n", as: Int.self)
            }
            return result
        }
    }

    public func cases(
        behind figure: CaseFigure, in period: ReportingPeriod, start: Date, end: Date, now: Date, offset: Int, limit: Int
    ) async throws -> [QueueRow] {
        let (from, to) = (Stored.time(start), Stored.time(end))
        let (firstDay, lastDay) = (period.from.description, period.to.description)
        var sql = SQLQueryString(SQLCaseWorkQueries.queueSelect + " WHERE ")
        func received(between low: Date?, and high: Date?) {
            if let low {
                sql.appendInterpolation(unsafeRaw: " AND c.received_at >= ")
                sql.appendInterpolation(bind: Stored.time(low))
            }
            if let high {
                sql.appendInterpolation(unsafeRaw: " AND c.received_at < ")
                sql.appendInterpolation(bind: Stored.time(high))
            }
        }
        /// `column` inside the period: its instants for a time, its days (both included) for a local date.
        func inPeriod(_ column: String, days: Bool = false) {
            sql.appendInterpolation(unsafeRaw: "\(column) >= ")
            sql.appendInterpolation(bind: days ? firstDay : from)
            sql.appendInterpolation(unsafeRaw: " AND \(column) \(days ? "<=" : "<") ")
            sql.appendInterpolation(bind: days ? lastDay : to)
        }
        switch figure {
        case .received(let channel):
            inPeriod("c.received_at")
            if let channel {
                sql.appendInterpolation(unsafeRaw: " AND c.channel = ")
                sql.appendInterpolation(bind: channel.rawValue)
            }
        case .concluded(let conclusion, let ground, let reviewer, let decisionsOnly):
            inPeriod("c.concluded_at")
            if let conclusion {
                sql.appendInterpolation(unsafeRaw: " AND c.outcome = ")
                sql.appendInterpolation(bind: conclusion.rawValue)
            }
            if let ground {
                sql.appendInterpolation(unsafeRaw: " AND (',' || c.grounds || ',') LIKE ")
                sql.appendInterpolation(bind: "%,\(ground.rawValue),%")
            }
            if let reviewer {
                sql.appendInterpolation(unsafeRaw: " AND c.decided_by = ")
                sql.appendInterpolation(bind: reviewer.value)
            }
            if decisionsOnly { sql.appendInterpolation(unsafeRaw: " AND c.hours_to_decision IS NOT NULL") }
        case .deadline(let kind, let result):
            sql.appendInterpolation(unsafeRaw: "c.reference IN (SELECT d.case_reference FROM case_deadlines d WHERE d.kind = ")
            sql.appendInterpolation(bind: kind.rawValue)
            switch result {
            case .onTime, .late:
                sql.appendInterpolation(unsafeRaw: " AND d.status = 'met' AND d.met_on_time = ")
                sql.appendInterpolation(bind: result == .onTime)
                sql.appendInterpolation(unsafeRaw: " AND ")
                inPeriod("d.met_at")
            case .missed:
                sql.appendInterpolation(unsafeRaw: " AND d.status = 'running' AND d.due_at < ")
                sql.appendInterpolation(bind: Stored.time(now))
                sql.appendInterpolation(unsafeRaw: " AND ")
                inPeriod("d.due_date", days: true)
            }
            sql.appendInterpolation(unsafeRaw: ")")
        case .calls(let filter):
            sql.appendInterpolation(unsafeRaw: "c.reference IN (SELECT i.case_reference FROM interactions i WHERE i.kind = 'call' AND ")
            inPeriod("i.occurred_at")
            switch filter {
            case .all: break
            case .resolved, .unresolved:
                sql.appendInterpolation(unsafeRaw: " AND i.call_resolved = ")
                sql.appendInterpolation(bind: filter == .resolved)
            case .repeats:
                sql.appendInterpolation(
                    unsafeRaw: """
                         AND EXISTS (SELECT 1 FROM interactions p WHERE p.case_reference = i.case_reference AND p.kind = 'call'
                                     AND p.occurred_at < i.occurred_at)
                        """)
            }
            sql.appendInterpolation(unsafeRaw: ")")
        case .letters(let event):
            sql.appendInterpolation(unsafeRaw: "c.reference IN (SELECT l.case_reference FROM letters l WHERE ")
            switch event {
            case .printed:
                sql.appendInterpolation(unsafeRaw: "l.batch_id IN (SELECT b.id FROM letter_batches b WHERE ")
                inPeriod("b.printed_at")
                sql.appendInterpolation(unsafeRaw: ")")
            case .posted: inPeriod("l.posted_on", days: true)
            case .returned: inPeriod("l.returned_at")
            }
            sql.appendInterpolation(unsafeRaw: ")")
        case .openAtEnd(let bucket):
            sql.appendInterpolation(unsafeRaw: "c.reference IN (")
            sql.appendInterpolation(Self.openAt(end, column: "reference"))
            sql.appendInterpolation(unsafeRaw: ")")
            received(between: bucket?.receivedFrom(at: end), and: min(bucket?.receivedBefore(at: end) ?? end, end))
        case .openNow(let state, let bucket):
            sql.appendInterpolation(unsafeRaw: "c.state IN (")
            sql.appendInterpolation(binds: state.map { [$0.rawValue] } ?? Self.openStates)
            sql.appendInterpolation(unsafeRaw: ")")
            if let bucket { received(between: bucket.receivedFrom(at: now), and: bucket.receivedBefore(at: now)) }
        }
        sql.appendInterpolation(unsafeRaw: " ORDER BY c.received_at DESC, c.reference LIMIT \(limit) OFFSET \(offset)")
        let query = sql
        return try await database.withConnection { db in try await db.raw(query).all().map(SQLCaseWorkQueries.queueRow) }
    }

    public func staffNames(_ ids: Set<StaffID>) async throws -> [StaffID: String] {
        try await database.withConnection { db in
            var names: [StaffID: String] = [:]
            for row in try await db.raw("SELECT id, name FROM staff WHERE id IN (\(binds: ids.map(\.value).sorted()))").all() {
                names[StaffID(try row.decode(column: "id", as: String.self))] = try row.decode(column: "name", as: String.self)
            }
            return names
        }
    }
}
