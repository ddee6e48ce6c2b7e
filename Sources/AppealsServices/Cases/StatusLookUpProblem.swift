import AppealsDomain
import Foundation

/// Why a status look-up found nothing to show.
public enum StatusLookUpProblem: Error, Sendable, Equatable {
    /// The reference is not one we could have issued (wrong length, a confusable character, a wrong check character).
    case invalidReference
    case invalidPlate
    /// No case with this reference and plate together (which of the two is wrong is not said).
    case noMatch
}
