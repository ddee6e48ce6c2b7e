import AppealsDomain
import Foundation

/// One line of the audit trail, before the store chains it.
public struct AuditEntry: Sendable, Equatable {
    public let caseReference: CaseReference?
    public let at: Date
    public let actor: Actor
    /// A ``CaseEventKind`` raw value, or another auditable happening (`deadline_warning`, `sign_in` …).
    public let event: String
    public let from: CaseState?
    public let to: CaseState?
    public let reason: String?
    public let requestID: String?
    public let detail: String?

    public init(
        caseReference: CaseReference?, at: Date, actor: Actor, event: String, from: CaseState?, to: CaseState?,
        reason: String? = nil, requestID: String? = nil, detail: String? = nil
    ) {
        self.caseReference = caseReference
        self.at = at
        self.actor = actor
        self.event = event
        self.from = from
        self.to = to
        self.reason = reason
        self.requestID = requestID
        self.detail = detail
    }
}
