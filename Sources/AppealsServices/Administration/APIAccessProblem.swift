/// Why an API request was refused before it was answered.
public enum APIAccessProblem: Error, Sendable, Equatable {
    /// No `Authorization: Bearer …` header.
    case missingKey
    /// A key no administrator made (or mistyped).
    case unknownKey
    case revokedKey
    /// The key may not do this.
    case insufficientScope(APIScope)
    /// The key's requests a minute are used up; try again after this many seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// This client address sent too many keys that failed (``APIKeyGate/failureLimit``); no key is tried from it
    /// for this many seconds.
    case tooManyFailedKeys(retryAfterSeconds: Int)
}
