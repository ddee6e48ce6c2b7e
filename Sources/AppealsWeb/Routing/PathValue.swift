import AppealsDomain
import AppealsServices

// The identifiers a path names. Each is letters and digits (or hex), so it stands in a segment unescaped, as the
// portal's links have always written it.
extension CaseReference: PathValue { var pathValue: String { value } }
extension StaffID: PathValue { var pathValue: String { value } }
extension DraftToken: PathValue { var pathValue: String { value } }
extension EvidenceID: PathValue { var pathValue: String { value } }
extension LetterID: PathValue { var pathValue: String { value } }
extension PrintBatchID: PathValue { var pathValue: String { value } }

/// An API key's id, which the administration use cases still pass as text.
extension String: PathValue { var pathValue: String { self } }
