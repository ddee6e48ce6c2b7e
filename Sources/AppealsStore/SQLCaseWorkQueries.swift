import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The staff workspace's read models.
public struct SQLCaseWorkQueries: CaseWorkQueries {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    static let workingStates: [CaseState] = [.submitted, .inReview, .awaitingCitizen]
    /// What every list of cases selects (decoded by `queueRow`).
    static let queueSelect = """
        SELECT c.reference, c.ticket_number, c.grounds, c.state, c.late, c.towed, c.vulnerable, c.contact_count,
               c.escalated, c.assignee, c.next_due_at, t.plate, c.message_waiting AS new_message
        FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
        """
    static let noDeadline = "9999-12-31T00:00:00Z"

    public func postmarksToConfirm(limit: Int) async throws -> [PostmarkToConfirm] {
        try await database.withConnection { db in
            try await db.raw(
                """
                SELECT c.reference, c.received_at, c.entered_at, c.postmark_entered_by, s.name, e.id AS scan, e.kind AS scan_kind
                FROM cases c LEFT JOIN staff s ON s.id = c.postmark_entered_by
                LEFT JOIN evidence e ON e.id = (
                    SELECT first.id FROM evidence first WHERE first.case_reference = c.reference ORDER BY first.received_at, first.id LIMIT 1)
                WHERE c.postmark_entered_by IS NOT NULL ORDER BY c.received_at, c.reference LIMIT \(unsafeRaw: String(max(1, limit)))
                """
            ).all().map { row in
                guard let reference = CaseReference(try row.decode(column: "reference", as: String.self)) else {
                    throw StoredDataError.corrupt(table: "cases", detail: "unreadable reference")
                }
                return PostmarkToConfirm(
                    reference: reference, postmark: try Stored.date(row, "received_at"),
                    enteredAt: try Stored.optionalDate(row, "entered_at") ?? Stored.date(row, "received_at"),
                    enteredBy: StaffID(try row.decode(column: "postmark_entered_by", as: String.self)),
                    enteredByName: try row.decode(column: "name", as: String?.self),
                    scan: try row.decode(column: "scan", as: String?.self).flatMap(EvidenceID.init),
                    scanIsDocument: try row.decode(column: "scan_kind", as: String?.self) == "pdf")
            }
        }
    }

    public func queue(_ filter: QueueFilter) async throws -> (rows: [QueueRow], hasMore: Bool) {
        var sql = SQLQueryString(Self.queueSelect + " WHERE ")
        let states = (filter.state.map { [$0] } ?? Self.workingStates).map(\.rawValue)
        switch filter.view {
        case .mine: sql.appendInterpolation(unsafeRaw: "c.assignee = "); sql.appendInterpolation(bind: filter.staff.value)
        case .team: sql.appendInterpolation(unsafeRaw: "c.queue = 'team' AND c.assignee IS NULL")
        case .approvals: sql.appendInterpolation(unsafeRaw: "c.state = 'awaiting_approval'")
        }
        if filter.view != .approvals {
            sql.appendInterpolation(unsafeRaw: " AND c.state IN (")
            sql.appendInterpolation(binds: states)
            sql.appendInterpolation(unsafeRaw: ")")
        }
        if let ground = filter.ground {
            sql.appendInterpolation(unsafeRaw: " AND (',' || c.grounds || ',') LIKE ")
            sql.appendInterpolation(bind: "%,\(ground.rawValue),%")
        }
        if filter.overdueOnly {
            sql.appendInterpolation(unsafeRaw: " AND c.next_due_at < ")
            sql.appendInterpolation(bind: Stored.time(filter.now))
        }
        sql.appendInterpolation(
            unsafeRaw:
                " ORDER BY c.priority DESC, c.next_due_at, c.reference LIMIT \(QueueFilter.pageSize + 1) OFFSET \((filter.page - 1) * QueueFilter.pageSize)"
        )
        let query = sql
        return try await database.withConnection { db in
            let rows = try await db.raw(query).all()
            return (try rows.prefix(QueueFilter.pageSize).map(Self.queueRow), rows.count > QueueFilter.pageSize)
        }
    }

    public func teamLoad(now: Date) async throws -> [ReviewerWorkload] {
        let states = Self.workingStates.map(\.rawValue)
        return try await database.withConnection { db in
            try await db.raw(
                """
                SELECT s.id, s.name,
                  (SELECT COUNT(*) FROM cases c WHERE c.assignee = s.id AND c.state IN (\(binds: states))) AS in_hand,
                  (SELECT COUNT(*) FROM cases c WHERE c.assignee = s.id AND c.state IN (\(binds: states))
                     AND c.next_due_at < \(bind: Stored.time(now))) AS overdue
                FROM staff s WHERE s.active = \(bind: true)
                  AND s.id IN (SELECT staff_id FROM staff_roles WHERE role IN ('reviewer', 'supervisor'))
                ORDER BY s.name
                """
            ).all().map { row in
                ReviewerWorkload(
                    id: StaffID(try row.decode(column: "id", as: String.self)), name: try row.decode(column: "name", as: String.self),
                    inHand: try row.decode(column: "in_hand", as: Int.self), overdue: try row.decode(column: "overdue", as: Int.self))
            }
        }
    }

    public func deadlineAlerts(now: Date, limit: Int) async throws -> (breached: [QueueRow], warning: [QueueRow]) {
        let states = Self.workingStates.map(\.rawValue)
        let at = Stored.time(now)
        return try await database.withConnection { db in
            let select = Self.queueSelect
            let breached = try await db.raw(
                """
                \(unsafeRaw: select) WHERE c.state IN (\(binds: states)) AND c.next_due_at < \(bind: at)
                ORDER BY c.next_due_at LIMIT \(unsafeRaw: String(limit))
                """
            ).all().map(Self.queueRow)
            let warning = try await db.raw(
                """
                \(unsafeRaw: select) WHERE c.state IN (\(binds: states)) AND c.next_due_at >= \(bind: at)
                  AND EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_reference = c.reference AND d.status = 'running'
                              AND d.warn_at <= \(bind: at) AND d.due_at > \(bind: at))
                ORDER BY c.next_due_at LIMIT \(unsafeRaw: String(limit))
                """
            ).all().map(Self.queueRow)
            return (breached, warning)
        }
    }

    static func queueRow(_ row: any SQLRow) throws -> QueueRow {
        func text(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        guard let reference = CaseReference(try text("reference")), let ticket = TicketNumber(try text("ticket_number")),
            let state = CaseState(rawValue: try text("state"))
        else {
            throw StoredDataError.corrupt(table: "cases", detail: "queue row")
        }
        let due = try text("next_due_at")
        var queueRow = QueueRow(
            reference: reference, ticketNumber: ticket, plate: try text("plate"),
            grounds: try text("grounds").split(separator: ",").compactMap { Ground(rawValue: String($0)) }, state: state,
            late: try row.decode(column: "late", as: Bool.self), towed: try row.decode(column: "towed", as: Bool.self),
            vulnerable: try row.decode(column: "vulnerable", as: Bool.self),
            repeatContact: try row.decode(column: "contact_count", as: Int.self) > 1,
            escalated: try row.decode(column: "escalated", as: Bool.self),
            assignee: try row.decode(column: "assignee", as: String?.self).map(StaffID.init),
            nextDueAt: due == noDeadline ? nil : ISO8601Timestamp.parse(due)
        )
        queueRow.newMessage = try row.decode(column: "new_message", as: Bool.self)
        return queueRow
    }

    public func caseFile(_ reference: CaseReference) async throws -> CaseFile? {
        try await database.withConnection { db in
            guard
                let caseRow = try await db.select().columns("ticket_number", "assignee").from("cases")
                    .where("reference", .equal, SQLBind(reference.value)).first(),
                let ticketRow = try await db.select().column("*").from("tickets")
                    .where("ticket_number", .equal, SQLBind(try caseRow.decode(column: "ticket_number", as: String.self))).first()
            else { return nil }
            let ticket = try SQLTicketRepository.ticket(from: ticketRow)
            let appeal = try await SQLCaseContacts.appeal(reference, on: db)
            var timeline = try await db.select().column("*").from("interactions").where("case_reference", .equal, SQLBind(reference.value))
                .all().map { row in
                    TimelineEntry(
                        at: try Stored.date(row, "occurred_at"), channel: try row.decode(column: "channel", as: String.self),
                        actor: try row.decode(column: "actor", as: String.self),
                        kind: try Self.timelineKind(row, "kind", in: "interactions"),
                        summary: try row.decode(column: "summary", as: String?.self),
                        isPublic: try row.decode(column: "public", as: Bool.self), call: try Self.call(row))
                }
            timeline += try await db.select().columns("occurred_at", "actor_role", "actor_id", "event", "reason")
                .from("audit_events").where("case_reference", .equal, SQLBind(reference.value)).all().map { row in
                    TimelineEntry(
                        at: try Stored.date(row, "occurred_at"), channel: "system",
                        actor: try row.decode(column: "actor_id", as: String?.self) ?? row.decode(column: "actor_role", as: String.self),
                        kind: try Self.timelineKind(row, "event", in: "audit_events"),
                        summary: try row.decode(column: "reason", as: String?.self),
                        isPublic: false)
                }
            timeline += try await db.select().columns("last_at", "checks", "channel").from("status_checks")
                .where("case_reference", .equal, SQLBind(reference.value)).all().map { row in
                    // The status API is the automated phone line's: its look-ups are the phone channel's.
                    let web = try row.decode(column: "channel", as: String.self) == Channel.web.rawValue
                    return TimelineEntry(
                        at: try Stored.date(row, "last_at"), channel: web ? "web" : "phone", actor: web ? "citizen" : "automated line",
                        kind: .interaction(web ? .statusChecked : .automatedLookUp), summary: nil, isPublic: false,
                        count: try row.decode(column: "checks", as: Int.self))
                }
            // The citizen is recognised across cases by plate, phone number and email (each an indexed look-up).
            let mobile = appeal?.mobile ?? "", email = appeal?.email?.lowercased() ?? ""
            let others = try await db.raw(
                """
                SELECT c.reference, c.state FROM cases c WHERE c.reference <> \(bind: reference.value) AND c.reference IN (
                    SELECT c2.reference FROM tickets t JOIN cases c2 ON c2.ticket_number = t.ticket_number
                    WHERE t.plate = \(bind: ticket.plate.number.value)
                    UNION SELECT case_reference FROM appeals WHERE mobile_e164 = \(bind: mobile)
                    UNION SELECT case_reference FROM appeals WHERE lower(email) = \(bind: email))
                ORDER BY c.received_at DESC LIMIT 20
                """
            ).all()
                .compactMap { row -> (reference: CaseReference, state: CaseState)? in
                    guard let r = CaseReference(try row.decode(column: "reference", as: String.self)),
                        let s = CaseState(rawValue: try row.decode(column: "state", as: String.self))
                    else { return nil }
                    return (r, s)
                }
            // Staff by their names, not their ids ("Dan Agent", not "dan"): those on the timeline and the assignee.
            let assignee = try caseRow.decode(column: "assignee", as: String?.self)
            let ids = Set(timeline.map(\.actor) + [assignee ?? ""]).sorted()
            let names = try await db.raw("SELECT id, name FROM staff WHERE id IN (\(binds: ids))").all()
                .reduce(into: [String: String]()) {
                    $0[try $1.decode(column: "id", as: String.self)] = try $1.decode(column: "name", as: String.self)
                }
            for index in timeline.indices { timeline[index].actor = names[timeline[index].actor] ?? timeline[index].actor }
            var file = CaseFile(ticket: ticket, appeal: appeal, timeline: timeline.sorted { $0.at < $1.at }, otherCases: others)
            file.assigneeName = assignee.flatMap { names[$0] }
            return file
        }
    }

    static func timelineKind(_ row: any SQLRow, _ column: String, in table: String) throws -> TimelineKind {
        let code = try row.decode(column: column, as: String.self)
        guard let kind = TimelineKind(stored: code) else { throw StoredDataError.corrupt(table: table, detail: "unknown kind \(code)") }
        return kind
    }

    static func call(_ row: any SQLRow) throws -> CallDetails? {
        guard let reason = try row.decode(column: "call_reason", as: String?.self).flatMap(CallReason.init(rawValue:)),
            let outcome = try row.decode(column: "call_outcome", as: String?.self).flatMap(CallOutcome.init(rawValue:))
        else { return nil }
        return CallDetails(
            reason: reason, outcome: outcome, resolvedOnCall: try row.decode(column: "call_resolved", as: Bool?.self) ?? false)
    }
}
