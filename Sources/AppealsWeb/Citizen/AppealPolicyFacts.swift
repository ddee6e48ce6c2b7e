import AppealsDomain
import AppealsServices

/// The appeal rules the start page states, from the authority's settings, the evidence limits and the stored
/// decision policy (so that a policy change shows on the start page, never a figure that disagrees with it).
struct AppealPolicyFacts: Sendable, Encodable {
    let appealWindowDays: Int
    let decisionLength: Int
    let decisionInBusinessDays: Bool
    let maximumFiles: Int
    let maximumFileMegabytes: Int

    init(appealWindowDays: Int, decision: DeadlinePolicy, limits: EvidenceLimits) {
        self.appealWindowDays = appealWindowDays
        decisionLength = decision.length
        decisionInBusinessDays = decision.unit == .businessDays
        maximumFiles = limits.maxFiles
        maximumFileMegabytes = limits.maxFileBytes / 1_000_000
    }
}
