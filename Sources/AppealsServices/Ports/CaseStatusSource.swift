import AppealsDomain

/// The read behind every status look-up: the busiest page of the portal, so one port that the store answers in
/// as few round trips as it can, rather than a case, a ticket and the files fetched one after the other.
public protocol CaseStatusSource: Sendable {
    /// - Parameter files: whether the citizen's files and the awaited question come too (the status page shows
    ///   them; the status API does not, and reads less).
    func statusFacts(_ reference: CaseReference, files: Bool) async throws -> CaseStatusFacts?
}

extension CaseStatusSource {
    public func statusFacts(_ reference: CaseReference) async throws -> CaseStatusFacts? { try await statusFacts(reference, files: true) }
}
