import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The `cases` table's columns and the mapping to and from ``Case``.
enum CaseRow {
    static let columns = [
        "reference", "ticket_number", "ticket_amount_cents", "towed", "grounds", "received_at", "late", "state", "version",
        "state_changed_at", "assignee", "queue", "escalated", "vulnerable", "contact_count", "priority", "pending_decision",
        "decision", "updated_at", "closes_at", "outcome", "concluded_at", "decided_by", "hours_to_decision", "amount_due_cents",
        "entered_at", "postmark_entered_by", "message_waiting",
    ]
    /// What ``decode(_:)`` reads: the rest are written for the queries (priority, the measures' columns). A statement
    /// that names only these is shorter to prepare, and SQLite prepares every statement anew.
    static let readColumns = columns.filter {
        !["priority", "updated_at", "closes_at", "outcome", "concluded_at", "decided_by", "hours_to_decision", "amount_due_cents"]
            .contains($0)
    }
    /// Written once, when the case is filed.
    static let insertColumns = columns + ["channel"]

    static func values(_ c: Case, priority: Int, updatedAt: String) throws -> [any Encodable & Sendable] {
        [
            c.reference.value, c.ticketNumber.value, c.ticketAmountCents, c.towed, c.grounds.map(\.rawValue).joined(separator: ","),
            Stored.time(c.receivedAt), c.late, c.state.rawValue, c.version, Stored.time(c.stateChangedAt), c.assignee?.value,
            c.queue.rawValue, c.escalated, c.vulnerable, c.contactCount, priority, try Stored.json(c.pendingDecision),
            try Stored.json(c.decision), updatedAt, Stored.time(c.decision?.closesAt), c.conclusion?.rawValue,
            Stored.time(c.concludedAt), c.decision?.decidedBy?.value, c.hoursToDecision, c.amountAfterConclusion,
            Stored.time(c.enteredAt), c.postmarkEnteredBy?.value, c.messageWaiting,
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Case {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        guard let reference = CaseReference(try text("reference")), let ticket = TicketNumber(try text("ticket_number")),
            let state = CaseState(rawValue: try text("state")), let queue = CaseQueue(rawValue: try text("queue"))
        else { throw StoredDataError.corrupt(table: "cases", detail: "unreadable reference, ticket, state or queue") }
        return Case(
            reference: reference, ticketNumber: ticket,
            ticketAmountCents: try row.decode(column: "ticket_amount_cents", as: Int.self),
            towed: try row.decode(column: "towed", as: Bool.self),
            grounds: try text("grounds").split(separator: ",").compactMap { Ground(rawValue: String($0)) },
            receivedAt: try Stored.date(row, "received_at"), late: try row.decode(column: "late", as: Bool.self),
            enteredAt: try Stored.optionalDate(row, "entered_at"),
            postmarkEnteredBy: try row.decode(column: "postmark_entered_by", as: String?.self).map(StaffID.init),
            state: state, version: try row.decode(column: "version", as: Int.self),
            stateChangedAt: try Stored.date(row, "state_changed_at"),
            assignee: try row.decode(column: "assignee", as: String?.self).map(StaffID.init), queue: queue,
            escalated: try row.decode(column: "escalated", as: Bool.self),
            vulnerable: try row.decode(column: "vulnerable", as: Bool.self),
            contactCount: try row.decode(column: "contact_count", as: Int.self),
            messageWaiting: try row.decode(column: "message_waiting", as: Bool.self),
            pendingDecision: try Stored.fromJSON(PendingDecision.self, try row.decode(column: "pending_decision", as: String?.self)),
            decision: try Stored.fromJSON(Decision.self, try row.decode(column: "decision", as: String?.self))
        )
    }
}
