import AppealsServices

/// Words of the staff pages that the code puts together: the queue's time left, the audit trail's filters and
/// check, the skills an administrator grants.
public enum StaffWords: String, MessageKey, CaseIterable {
    case overdue, dueToday, oneBusinessDay, businessDays, noDeadline, teamQueue
    case auditChecked, auditIntact, auditBroken, auditEdited, auditMissing, auditOutOfOrder, referenceInvalid, fromInvalid, toInvalid,
        toBeforeFrom
    case skillStolenVehicles, skillDisability, skillNotOwner, skillCommercialFleet

    public var key: String { "staff." + rawValue }

    public var english: String {
        switch self {
        case .overdue: "Overdue"
        case .dueToday: "Due today"
        case .oneBusinessDay: "1 business day"
        case .businessDays: "{count} business days"
        case .noDeadline: "No deadline running"
        case .teamQueue: "team queue"
        case .auditChecked: "Checked in {seconds} seconds, at {moment}."
        case .auditIntact: "Audit trail intact: {events} events, every link verified."
        case .auditBroken: "Audit trail BROKEN at event {seq} ({checked} events before it verified): {problem}"
        case .auditEdited: "its content no longer matches its hash; it was edited."
        case .auditMissing: "it is missing; an event was deleted."
        case .auditOutOfOrder: "it does not follow the event before it; events were reordered, replaced or deleted."
        case .referenceInvalid: "Enter a case reference of nine letters and numbers, for example K7M-4QX-9TC"
        case .fromInvalid: "Enter the first day as a date, for example 2026-11-01"
        case .toInvalid: "Enter the last day as a date, for example 2026-11-30"
        case .toBeforeFrom: "The last day must be on or after the first day"
        case .skillStolenVehicles: "Stolen vehicles"
        case .skillDisability: "Disability placards"
        case .skillNotOwner: "Not the owner or keeper"
        case .skillCommercialFleet: "Commercial fleets"
        }
    }
}
