import AppealsDomain
import Foundation

/// The audit trail as its readers see it: a page of events, the kinds there are, the chain verified, and which
/// cases' words each reader may read (``CaseAccess``).
public struct AuditTrail: Sendable {
    let administration: any AdministrationStore
    let cases: any CaseStore
    let access: CaseAccess

    public init(administration: any AdministrationStore, cases: any CaseStore, access: CaseAccess = CaseAccess()) {
        self.administration = administration
        self.cases = cases
        self.access = access
    }

    public func events(_ filter: AuditFilter, offset: Int, limit: Int) async throws -> [AuditRecord] {
        try await administration.auditEvents(filter, offset: offset, limit: limit)
    }

    public func kinds() async throws -> [String] { try await administration.auditEventKinds() }

    public func verify() async throws -> AuditVerification { try await administration.verifyAudit() }

    /// The cases among these events whose words this person may read: every one for those who see every case; for a
    /// reviewer, those ``CaseAccess/mayView(_:_:)`` admits (at most a page's worth of look-ups); none for anyone else.
    public func readableCases(of events: some Sequence<AuditRecord>, by account: StaffAccount) async throws -> Set<CaseReference> {
        let references = Set(events.compactMap(\.caseReference))
        if access.viewsEveryCase(account) { return references }
        guard account.roles.contains(.reviewer) else { return [] }
        var readable: Set<CaseReference> = []
        for reference in references {
            if let loaded = try await cases.load(reference, withFirings: false), access.mayView(loaded.record, account) {
                readable.insert(reference)
            }
        }
        return readable
    }
}
