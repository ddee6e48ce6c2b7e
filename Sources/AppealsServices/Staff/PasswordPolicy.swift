import AppealsDomain
import Foundation

/// At least 12 characters, not a well-known password, not the person's name or email.
public enum PasswordPolicy {
    public static let minimumLength = 12

    public static func problems(_ password: String, name: String, email: String) -> [PasswordProblem] {
        var problems: [PasswordProblem] = []
        if password.count < minimumLength { problems.append(.tooShort(minimum: minimumLength)) }
        let lowered = password.lowercased()
        let squeezed = lowered.filter { $0.isLetter || $0.isNumber }
        if CommonPasswords.list.contains(lowered) || CommonPasswords.list.contains(squeezed) || Set(lowered).count <= 2
            || CommonPasswords.isSimpleSequence(squeezed)
        {
            problems.append(.common)
        }
        let parts = ([email.split(separator: "@").first.map(String.init) ?? ""] + name.split(separator: " ").map(String.init))
            .map { $0.lowercased() }.filter { $0.count >= 4 }
        if parts.contains(where: lowered.contains) { problems.append(.containsName) }
        return problems
    }
}
