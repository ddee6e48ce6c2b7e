import AppealsDomain

/// The read behind every status look-up: the busiest page of the portal, so one port that the store answers in
/// as few round trips as it can, rather than a case, a ticket and the files fetched one after the other.
public protocol CaseStatusSource: Sendable {
    func statusFacts(_ reference: CaseReference) async throws -> CaseStatusFacts?
}
