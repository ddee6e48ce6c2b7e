import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// One row of `case_deadlines`: a deadline as last computed, and the next warning or breach it will fire.
struct DeadlineRow {
    static let columns = [
        "case_reference", "kind", "status", "due_at", "warn_at", "met_at", "due_date", "start_date", "paused_days",
        "policy_version", "next_fire_at", "next_fire_level", "met_on_time",
    ]

    let caseReference: String
    let kind: String
    let status: String
    let dueAt: String?
    let warnAt: String?
    let metAt: String?
    let dueDate: String?
    let startDate: String
    let pausedDays: Int
    let policyVersion: Int
    let nextFireAt: String?
    let nextFireLevel: String?
    let metOnTime: Bool?

    init(_ reference: CaseReference, _ deadline: Deadline, firings: Set<DeadlineFiring>) {
        caseReference = reference.value
        kind = deadline.kind.rawValue
        var due: Date?
        var warn: Date?
        var met: Date?
        switch deadline.status {
        case .running(let d, let w): (status, due, warn) = ("running", d, w)
        case .paused: status = "paused"
        case .met(let at): (status, met) = ("met", at)
        case .cancelled(let at): (status, met) = ("cancelled", at)
        }
        dueAt = Stored.time(due)
        warnAt = Stored.time(warn)
        metAt = Stored.time(met)
        dueDate = deadline.explanation.due?.description
        startDate = deadline.explanation.start.description
        pausedDays = deadline.explanation.pausedDays
        policyVersion = deadline.explanation.policy.version
        let next = Self.next(reference: reference, kind: deadline.kind, warnAt: warn, dueAt: due, firings: firings)
        nextFireAt = Stored.time(next?.at)
        nextFireLevel = next?.level.rawValue
        metOnTime = deadline.metOnTime
    }

    init(row: any SQLRow) throws {
        caseReference = try row.decode(column: "case_reference", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        dueAt = try row.decode(column: "due_at", as: String?.self)
        warnAt = try row.decode(column: "warn_at", as: String?.self)
        metAt = try row.decode(column: "met_at", as: String?.self)
        dueDate = try row.decode(column: "due_date", as: String?.self)
        startDate = try row.decode(column: "start_date", as: String.self)
        pausedDays = try row.decode(column: "paused_days", as: Int.self)
        policyVersion = try row.decode(column: "policy_version", as: Int.self)
        nextFireAt = try row.decode(column: "next_fire_at", as: String?.self)
        nextFireLevel = try row.decode(column: "next_fire_level", as: String?.self)
        metOnTime = try row.decode(column: "met_on_time", as: Bool?.self)
    }

    private init(copy row: DeadlineRow, next: (at: Date, level: DeadlineFiring.Level)?) {
        caseReference = row.caseReference
        kind = row.kind
        status = row.status
        dueAt = row.dueAt
        warnAt = row.warnAt
        metAt = row.metAt
        dueDate = row.dueDate
        startDate = row.startDate
        pausedDays = row.pausedDays
        policyVersion = row.policyVersion
        nextFireAt = Stored.time(next?.at)
        nextFireLevel = next?.level.rawValue
        metOnTime = row.metOnTime
    }

    var values: [any Encodable & Sendable] {
        [
            caseReference, kind, status, dueAt, warnAt, metAt, dueDate, startDate, pausedDays, policyVersion, nextFireAt, nextFireLevel,
            metOnTime,
        ]
    }

    /// The firing this row is due for.
    var nextFiring: DeadlineFiring? {
        guard let reference = CaseReference(caseReference), let kind = DeadlineKind(rawValue: kind),
            let level = nextFireLevel.flatMap(DeadlineFiring.Level.init(rawValue:)),
            let at = nextFireAt.flatMap(ISO8601Timestamp.parse)
        else { return nil }
        return DeadlineFiring(reference: reference, kind: kind, level: level, at: at)
    }

    /// The firing this row is due for and, when it is a warning whose breach is due too, the breach.
    func firings(dueBy now: Date) -> [DeadlineFiring] {
        guard let next = nextFiring else { return [] }
        guard next.level == .warning, let due = dueAt.flatMap(ISO8601Timestamp.parse), due <= now else { return [next] }
        return [next, DeadlineFiring(reference: next.reference, kind: next.kind, level: .breach, at: due)]
    }

    /// The same deadline, moved on past what has fired.
    func advanced(firings: Set<DeadlineFiring>) -> DeadlineRow {
        guard status == "running", let reference = CaseReference(caseReference), let kind = DeadlineKind(rawValue: kind) else {
            return DeadlineRow(copy: self, next: nil)
        }
        return DeadlineRow(
            copy: self,
            next: Self.next(
                reference: reference, kind: kind, warnAt: warnAt.flatMap(ISO8601Timestamp.parse),
                dueAt: dueAt.flatMap(ISO8601Timestamp.parse), firings: firings
            ))
    }

    /// The warning, if it has not fired and comes before the breach; else the breach, if it has not fired.
    static func next(
        reference: CaseReference, kind: DeadlineKind, warnAt: Date?, dueAt: Date?, firings: Set<DeadlineFiring>
    ) -> (at: Date, level: DeadlineFiring.Level)? {
        guard let dueAt else { return nil }
        if let warnAt, warnAt < dueAt,
            !firings.contains(DeadlineFiring(reference: reference, kind: kind, level: .warning, at: warnAt))
        {
            return (warnAt, .warning)
        }
        if !firings.contains(DeadlineFiring(reference: reference, kind: kind, level: .breach, at: dueAt)) {
            return (dueAt, .breach)
        }
        return nil
    }
}
