import AppealsDomain
import AppealsServices
import Foundation

// View models of the appeal journey: stored properties only (templates see nothing else), words in templates.

/// A page with nothing but the site's own values.
struct EmptyPage: Sendable, Encodable {}
