import AppealsDomain
import AppealsServices
import Crypto
import Foundation
import Hummingbird

/// For tests: the case reference a draft token files under (attempt 0), and the ones tried after a clash.
public enum AppealReferenceProbe {
    public static func reference(forDraftToken token: String, attempt: Int) -> CaseReference {
        AppealController.reference(for: token, attempt: attempt)
    }
}
