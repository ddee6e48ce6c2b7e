import AppealsDomain
import Foundation

public enum PasswordProblem: Sendable, Equatable {
    case tooShort(minimum: Int)
    case common
    case containsName
}
