import AppealsServices

/// What the audit trail's check found, as the auditor reads it on the page and the command line (``StaffWords``).
public enum AuditMessages {
    public static func text(for result: AuditVerification, in words: Catalogue = .english) -> String {
        switch result {
        case .intact(let events): return words(StaffWords.auditIntact, ["events": "\(events)"])
        case .broken(let seq, let problem, let checked):
            let what: StaffWords =
                switch problem {
                case .contentChanged: .auditEdited
                case .missing: .auditMissing
                case .doesNotFollowPrevious: .auditOutOfOrder
                }
            return words(StaffWords.auditBroken, ["seq": "\(seq)", "checked": "\(checked)", "problem": words(what)])
        }
    }
}
