/// What can be wrong with a request itself, before any use case sees it: each is shown as a page by
/// ``ErrorPageMiddleware`` (and as a problem by ``APIProblem``).
enum RequestError: Error, Sendable, Equatable {
    /// The request is malformed (not a validation error on a form, which re-renders the form).
    case malformed
    /// The upload or form is larger than the limit, in bytes.
    case tooLarge(limitBytes: Int)
    /// The form's anti-forgery token is missing or stale (an old tab, or another site posting here).
    case forgery
}
