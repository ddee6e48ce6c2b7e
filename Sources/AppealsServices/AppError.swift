/// The errors a use case can end in that are not a bug, as facts: the web layer shows each as a page (and the status
/// API as a problem), in `ErrorPageMiddleware` and `APIProblem`.
///
/// Cases carry facts, not sentences; the words live in the error templates.
public enum AppError: Error, Sendable, Equatable {
    /// No such thing, or nothing this person may see there (the same answer, so as not to reveal it).
    case notFound
    /// Too many attempts; try again after this many seconds.
    case tooManyAttempts(retryAfterSeconds: Int)
    /// Signed in, but this person's roles do not allow this page or this case.
    case notPermitted
}
