import AppealsDomain
import Foundation

/// A member of staff corrects the citizen's contact details (a caller's new number, a misspelt address): written
/// with an audit event that keeps the old values, and shown on the timeline.
public struct CorrectContact: Sendable {
    public let contacts: any CaseContacts
    public let clock: any WallClock
    public let defaultCallingCode: String

    public init(contacts: any CaseContacts, clock: any WallClock, defaultCallingCode: String) {
        self.contacts = contacts
        self.clock = clock
        self.defaultCallingCode = defaultCallingCode
    }

    /// The problems with the correction (nothing is written then), or none once written.
    public func callAsFunction(
        _ correction: ContactCorrection, on reference: CaseReference, by actor: Actor, requestID: String? = nil
    ) async throws -> Set<ContactCorrection.Problem> {
        let problems = correction.problems(defaultCallingCode: defaultCallingCode)
        guard problems.isEmpty else { return problems }
        guard let current = try await contacts.contact(of: reference),
            let corrected = correction.applied(to: current, defaultCallingCode: defaultCallingCode)
        else { throw AppError.notFound }
        guard corrected != current else { return [] }
        let audit = AuditEntry(
            caseReference: reference, at: clock.now(), actor: actor, event: CaseRecordEvent.contactCorrected.rawValue, from: nil,
            to: nil, requestID: requestID, detail: "was: " + Self.describe(current) + "; now: " + Self.describe(corrected))
        try await contacts.correctContact(of: reference, to: corrected, audit: audit)
        return []
    }

    /// The contact fields as the audit trail keeps them.
    static func describe(_ details: AppealDetails) -> String {
        "name=\(details.contactName) | address=\(details.postalAddress.replacingOccurrences(of: "\n", with: ", ")) | "
            + "email=\(details.email ?? "") | mobile=\(details.mobile ?? "") | channel=\(details.preferredChannel.rawValue)"
    }
}
