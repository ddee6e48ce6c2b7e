import AppealsServices
import Hummingbird

/// The citizen-facing pages that need no case: the start page.
struct PublicController<Context: RequestContext>: Sendable {
    let pages: PageRenderer
    let policy: AppealPolicyFacts

    func addRoutes(to router: some RouterMethods<Context>) {
        router.get("/") { _, context in
            try pages.render("public/start", page: policy, context: context)
        }
    }
}
