import AppealsServices
import Hummingbird

/// The citizen-facing pages that need no case: the start page.
struct PublicController: Sendable {
    let pages: PageRenderer
    let rules: DeadlineRulesCache
    let appealWindowDays: Int
    let limits: EvidenceLimits

    func addRoutes(to router: RecordingRouter) {
        router.get(CitizenURL.home) { _, context in
            let facts = AppealPolicyFacts(
                appealWindowDays: appealWindowDays, decision: try await rules.current().policies[.decision], limits: limits)
            return try pages.render("public/start", page: facts, context: context)
        }
    }
}
