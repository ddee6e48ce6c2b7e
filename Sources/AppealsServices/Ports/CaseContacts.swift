import AppealsDomain
import Foundation

/// The citizen's contact details of a case, read and corrected.
public protocol CaseContacts: Sendable {
    func contact(of reference: CaseReference) async throws -> AppealDetails?
    /// Writes the corrected details and the audit event in one transaction, and queues again the case's letters that
    /// could not be produced (for the old address).
    func correctContact(of reference: CaseReference, to details: AppealDetails, audit: AuditEntry) async throws
    /// Whether this mobile number (E.164) texted STOP: no text goes to it.
    func textsStopped(_ mobile: String) async throws -> Bool
}

extension CaseContacts {
    /// How the outbox reaches a case's citizen now: the e-mail they chose, or texts unless their number said STOP
    /// (then the e-mail, when they gave one); nil when neither can go (they chose the post, or texts stopped and
    /// there is no e-mail). The outbox and "Write to the citizen" both ask this.
    public func outboxRoute(_ contact: AppealDetails) async throws -> (channel: Channel, address: String)? {
        var textsStopped = false
        if let mobile = contact.mobile { textsStopped = try await self.textsStopped(mobile) }
        switch (contact.preferredChannel, contact.email, contact.mobile) {
        case (.email, let email?, _): return (.email, email)
        case (.sms, _, let mobile?) where !textsStopped: return (.sms, mobile)
        case (.sms, let email?, _): return (.email, email)
        default: return nil
        }
    }
}
