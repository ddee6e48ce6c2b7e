import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import ArgumentParser
import Foundation

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account. The password is read from standard input, or generated and printed once.",
            discussion: "Roles: phone_agent, reviewer, supervisor, clerk, administrator, auditor (repeat --role for several)."
        )

        @Option var email: String
        @Option var name: String
        @Option(name: .customLong("role")) var roles: [String]
        @Option(help: "Staff id (default: the part of the email before @).") var id: String?
        @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false

        func run() async throws {
            let runtime = try Runtime.load()
            let parsed = try roles.map { text -> Role in
                guard let role = Role(rawValue: text), role != .citizen, role != .system else {
                    throw ValidationError(
                        "Unknown role \"\(text)\". Roles: phone_agent, reviewer, supervisor, clerk, administrator, auditor.")
                }
                return role
            }
            guard !parsed.isEmpty else { throw ValidationError("Give at least one --role.") }
            guard let address = EmailAddress(email) else { throw ValidationError("\"\(email)\" is not an email address.") }
            let password: String
            var generated = false
            if passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
                let problems = PasswordPolicy.problems(password, name: name, email: address.value)
                guard problems.isEmpty else {
                    throw ValidationError(
                        "The password is not accepted: "
                            + problems.map {
                                switch $0 {
                                case .tooShort(let minimum): "it must have at least \(minimum) characters"
                                case .common: "it is a common or easily guessed password"
                                case .containsName: "it contains the person's name or email"
                                }
                            }.joined(separator: "; ") + ".")
                }
            } else {
                password = PasswordGenerator.password(SystemRandomSource())
                generated = true
            }
            let created = try await runtime.withAdapters(migrate: true) { adapters in
                try await CreateStaffAccount(
                    store: adapters.staffAccounts, hasher: BcryptPasswordHasher(threads: 1), clock: adapters.clock,
                    timeZone: adapters.timeZone
                )(name: name, email: address, roles: Set(parsed), password: password, id: id.map(StaffID.init), by: .system)
            }
            let staffID = created.id
            print("Created \(staffID.value) <\(address.value)> with roles \(parsed.map(\.rawValue).joined(separator: ", ")).")
            if generated { print("Password (shown once, pass it on securely): \(password)") }
        }
    }
}
