import AppealsDomain
import Foundation

/// The hearings supervisors schedule.
public protocol HearingStore: Sendable {
    func hearing(of reference: CaseReference) async throws -> Hearing?
    /// Sets (or moves) the case's hearing, queues the hearing notice and writes the audit event, in one transaction.
    func schedule(_ hearing: Hearing, audit: AuditEntry) async throws
}

/// When and where a case's independent hearing takes place, and who set it.
public struct Hearing: Sendable, Equatable {
    public let reference: CaseReference
    public let startsAt: Date
    public let place: String
    public let setBy: StaffID
    public let setAt: Date

    public init(reference: CaseReference, startsAt: Date, place: String, setBy: StaffID, setAt: Date) {
        self.reference = reference
        self.startsAt = startsAt
        self.place = place
        self.setBy = setBy
        self.setAt = setAt
    }
}
