/// The errors a request can end in that are not a bug: each maps to one HTTP status and one friendly page.
///
/// Cases carry facts, not sentences; the words live in the error templates.
public enum AppError: Error, Sendable, Equatable {
    /// Nothing at this address, or nothing this person may see there (the same answer, so as not to reveal it).
    case notFound
    /// The request itself is malformed (not a validation error on a form, which re-renders the form).
    case badRequest
    /// The upload or form is larger than the limit, in bytes.
    case payloadTooLarge(limitBytes: Int)
    /// Too many attempts; try again after this many seconds.
    case tooManyRequests(retryAfterSeconds: Int)
    /// The form's anti-forgery token is missing or stale (an old tab, or another site posting here).
    case forbiddenForgery
    /// Signed in, but this person's roles do not allow this page or this case.
    case forbidden
}
