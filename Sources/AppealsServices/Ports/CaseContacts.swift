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
