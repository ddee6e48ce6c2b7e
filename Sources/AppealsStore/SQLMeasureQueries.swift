import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The dashboard's figures: each an aggregate over an index range (see migration 0017), the same SQL on both engines.
public struct SQLMeasureQueries: MeasureQueries {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let measuredDeadlines = [DeadlineKind.acknowledgement, .firstReview, .decision].map(\.rawValue)
    static let openStates = CaseState.allCases.filter(\.isUndecided).map(\.rawValue)

    public func figures(_ period: ReportingPeriod, start: Date, end: Date, now: Date) async throws -> PeriodFigures {
        let (from, to) = (Stored.time(start), Stored.time(end))
        return try await database.withConnection { db in
            var f = PeriodFigures()
            for row in try await db.raw(
                """
                SELECT channel, COUNT(*) AS n FROM cases WHERE received_at >= \(bind: from) AND received_at < \(bind: to)
                GROUP BY channel
                """
            ).all() {
                let channel = try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:)) ?? .web
                f.received[channel, default: 0] += try row.decode(column: "n", as: Int.self)
            }
            for row in try await db.raw(
                """
                SELECT kind,
                  SUM(CASE WHEN status = 'met' AND met_on_time = \(bind: true) THEN 1 ELSE 0 END) AS on_time,
                  SUM(CASE WHEN status = 'met' AND met_on_time = \(bind: false) THEN 1 ELSE 0 END) AS late,
                  SUM(CASE WHEN status = 'running' AND due_at < \(bind: Stored.time(now)) THEN 1 ELSE 0 END) AS missed
                FROM case_deadlines
                WHERE kind IN (\(binds: Self.measuredDeadlines)) AND due_date >= \(bind: period.from.description)
                  AND due_date <= \(bind: period.to.description)
                GROUP BY kind
                """
            ).all() {
                guard let kind = DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                f.deadlines[kind] = PeriodFigures.DeadlineResults(
                    onTime: try row.decode(column: "on_time", as: Int.self), late: try row.decode(column: "late", as: Int.self),
                    missed: try row.decode(column: "missed", as: Int.self))
            }
            for row in try await db.raw(
                """
                SELECT hours_to_decision AS hours, COUNT(*) AS n FROM cases
                WHERE concluded_at >= \(bind: from) AND concluded_at < \(bind: to) AND hours_to_decision IS NOT NULL
                GROUP BY hours_to_decision
                """
            ).all() {
                f.hoursToDecision[try row.decode(column: "hours", as: Int.self)] = try row.decode(column: "n", as: Int.self)
            }
            for row in try await db.raw(
                """
                SELECT grounds, outcome, COUNT(*) AS n FROM cases WHERE concluded_at >= \(bind: from) AND concluded_at < \(bind: to)
                GROUP BY grounds, outcome
                """
            ).all() {
                guard let conclusion = Conclusion(rawValue: try row.decode(column: "outcome", as: String.self)) else { continue }
                f.conclusions.append(
                    PeriodFigures.GroundsConclusion(
                        grounds: try row.decode(column: "grounds", as: String.self).split(separator: ",").compactMap {
                            Ground(rawValue: String($0))
                        }, conclusion: conclusion, count: try row.decode(column: "n", as: Int.self)))
            }
            for row in try await db.raw(
                """
                SELECT decided_by, outcome, COUNT(*) AS n FROM cases
                WHERE concluded_at >= \(bind: from) AND concluded_at < \(bind: to) AND decided_by IS NOT NULL
                GROUP BY decided_by, outcome
                """
            ).all() {
                guard let conclusion = Conclusion(rawValue: try row.decode(column: "outcome", as: String.self)) else { continue }
                f.decisionsByReviewer[StaffID(try row.decode(column: "decided_by", as: String.self)), default: [:]][conclusion] =
                    try row.decode(column: "n", as: Int.self)
            }
            if let calls = try await db.raw(
                """
                SELECT COUNT(*) AS n, SUM(CASE WHEN i.call_resolved = \(bind: true) THEN 1 ELSE 0 END) AS resolved,
                  SUM(CASE WHEN EXISTS (SELECT 1 FROM interactions p WHERE p.case_reference = i.case_reference AND p.kind = 'call'
                                        AND p.occurred_at < i.occurred_at) THEN 1 ELSE 0 END) AS repeats
                FROM interactions i WHERE i.kind = 'call' AND i.occurred_at >= \(bind: from) AND i.occurred_at < \(bind: to)
                """
            ).first() {
                f.calls = try calls.decode(column: "n", as: Int.self)
                f.callsResolved = try calls.decode(column: "resolved", as: Int?.self) ?? 0
                f.repeatCalls = try calls.decode(column: "repeats", as: Int?.self) ?? 0
            }
            f.lettersPrinted = try await Self.count(
                db, "SELECT SUM(letters) AS n FROM letter_batches WHERE printed_at >= \(bind: from) AND printed_at < \(bind: to)")
            f.lettersPosted = try await Self.count(
                db,
                """
                SELECT COUNT(*) AS n FROM letters WHERE posted_on >= \(bind: period.from.description)
                  AND posted_on <= \(bind: period.to.description)
                """)
            f.lettersReturned = try await Self.count(
                db, "SELECT COUNT(*) AS n FROM letters WHERE returned_at >= \(bind: from) AND returned_at < \(bind: to)")
            f.openAtEnd = try await Self.openByAge(at: end, on: db)
            return f
        }
    }

    /// Appeals open at `moment` by age: those open now received before it, and those concluded since that had been
    /// received before it.
    static func openByAge(at moment: Date, on db: any SQLDatabase) async throws -> [AgeBucket: Int] {
        let at = Stored.time(moment)
        var sql: SQLQueryString = "SELECT bucket, COUNT(*) AS n FROM (SELECT \(ageBucket(at: moment)) AS bucket FROM cases WHERE "
        sql.appendInterpolation(unsafeRaw: "((state IN (")
        sql.appendInterpolation(binds: openStates)
        sql.appendInterpolation(unsafeRaw: ") AND received_at < ")
        sql.appendInterpolation(bind: at)
        sql.appendInterpolation(unsafeRaw: ") OR (concluded_at >= ")
        sql.appendInterpolation(bind: at)
        sql.appendInterpolation(unsafeRaw: " AND received_at < ")
        sql.appendInterpolation(bind: at)
        sql.appendInterpolation(unsafeRaw: "))) AS open_cases GROUP BY bucket")
        var result: [AgeBucket: Int] = [:]
        for row in try await db.raw(sql).all() {
            if let bucket = AgeBucket(rawValue: try row.decode(column: "bucket", as: Int.self)) {
                result[bucket] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
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
        switch figure {
        case .received(let channel):
            sql.appendInterpolation(unsafeRaw: "c.received_at >= ")
            sql.appendInterpolation(bind: from)
            sql.appendInterpolation(unsafeRaw: " AND c.received_at < ")
            sql.appendInterpolation(bind: to)
            if let channel {
                sql.appendInterpolation(unsafeRaw: " AND c.channel = ")
                sql.appendInterpolation(bind: channel.rawValue)
            }
        case .concluded(let conclusion, let ground, let reviewer, let decisionsOnly):
            sql.appendInterpolation(unsafeRaw: "c.concluded_at >= ")
            sql.appendInterpolation(bind: from)
            sql.appendInterpolation(unsafeRaw: " AND c.concluded_at < ")
            sql.appendInterpolation(bind: to)
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
            sql.appendInterpolation(unsafeRaw: " AND d.due_date >= ")
            sql.appendInterpolation(bind: firstDay)
            sql.appendInterpolation(unsafeRaw: " AND d.due_date <= ")
            sql.appendInterpolation(bind: lastDay)
            switch result {
            case .onTime, .late:
                sql.appendInterpolation(unsafeRaw: " AND d.status = 'met' AND d.met_on_time = ")
                sql.appendInterpolation(bind: result == .onTime)
            case .missed:
                sql.appendInterpolation(unsafeRaw: " AND d.status = 'running' AND d.due_at < ")
                sql.appendInterpolation(bind: Stored.time(now))
            }
            sql.appendInterpolation(unsafeRaw: ")")
        case .calls(let filter):
            sql.appendInterpolation(
                unsafeRaw: "c.reference IN (SELECT i.case_reference FROM interactions i WHERE i.kind = 'call' AND i.occurred_at >= ")
            sql.appendInterpolation(bind: from)
            sql.appendInterpolation(unsafeRaw: " AND i.occurred_at < ")
            sql.appendInterpolation(bind: to)
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
                sql.appendInterpolation(unsafeRaw: "l.batch_id IN (SELECT b.id FROM letter_batches b WHERE b.printed_at >= ")
                sql.appendInterpolation(bind: from)
                sql.appendInterpolation(unsafeRaw: " AND b.printed_at < ")
                sql.appendInterpolation(bind: to)
                sql.appendInterpolation(unsafeRaw: ")")
            case .posted:
                sql.appendInterpolation(unsafeRaw: "l.posted_on >= ")
                sql.appendInterpolation(bind: firstDay)
                sql.appendInterpolation(unsafeRaw: " AND l.posted_on <= ")
                sql.appendInterpolation(bind: lastDay)
            case .returned:
                sql.appendInterpolation(unsafeRaw: "l.returned_at >= ")
                sql.appendInterpolation(bind: from)
                sql.appendInterpolation(unsafeRaw: " AND l.returned_at < ")
                sql.appendInterpolation(bind: to)
            }
            sql.appendInterpolation(unsafeRaw: ")")
        case .openAtEnd(let bucket):
            sql.appendInterpolation(unsafeRaw: "(c.state IN (")
            sql.appendInterpolation(binds: Self.openStates)
            sql.appendInterpolation(unsafeRaw: ") OR c.concluded_at >= ")
            sql.appendInterpolation(bind: to)
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

    static func count(_ db: any SQLDatabase, _ sql: SQLQueryString) async throws -> Int {
        try await db.raw(sql).first()?.decode(column: "n", as: Int?.self) ?? 0
    }
}
