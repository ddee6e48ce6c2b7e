import AppealsServices
import Hummingbird

/// The appeal rules the start page states, from the authority's policy (defaults from DOMAIN.md).
struct AppealPolicyFacts: Sendable, Encodable {
    var appealWindowDays = 30
    var decisionDays = 56
    var maximumFiles = 10
    var maximumFileMegabytes = 15
}
