import AppealsDomain
import Foundation

/// Who an evidence file belongs to while it is received: an appeal still being written, or a filed case
/// (a citizen answering a request for information).
public enum EvidenceOwner: Sendable, Equatable {
    case draft(key: String)
    case filed(CaseReference)
}

extension EvidenceOwner {
    var caseReference: CaseReference? { if case .filed(let reference) = self { reference } else { nil } }
    var draftKey: String? { if case .draft(let key) = self { key } else { nil } }
}
