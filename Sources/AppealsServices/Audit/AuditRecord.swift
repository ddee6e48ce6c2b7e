import AppealsDomain
import Foundation

/// One event of the audit trail as an auditor reads it.
public struct AuditRecord: Sendable, Equatable {
    public let seq: Int
    public let caseReference: CaseReference?
    public let at: Date
    public let actorRole: String
    public let actorID: String?
    public let event: String
    public let from: String?
    public let to: String?
    public let reason: String?
    public let detail: String?
    public let requestID: String?

    public init(
        seq: Int, caseReference: CaseReference?, at: Date, actorRole: String, actorID: String?, event: String, from: String?, to: String?,
        reason: String?, detail: String?, requestID: String?
    ) {
        self.seq = seq
        self.caseReference = caseReference
        self.at = at
        self.actorRole = actorRole
        self.actorID = actorID
        self.event = event
        self.from = from
        self.to = to
        self.reason = reason
        self.detail = detail
        self.requestID = requestID
    }
}

/// Which events of the trail to list: of one case, by one actor (a staff id, or `system` or `citizen`), of one
/// kind, between two instants. Empty fields do not filter.
public struct AuditFilter: Sendable, Equatable {
    public var caseReference: CaseReference?
    public var actor: String?
    public var event: String?
    public var from: Date?
    public var before: Date?

    public init(caseReference: CaseReference? = nil, actor: String? = nil, event: String? = nil, from: Date? = nil, before: Date? = nil) {
        self.caseReference = caseReference
        self.actor = actor
        self.event = event
        self.from = from
        self.before = before
    }
}
