import AppealsDomain
import Foundation

/// Storage of cases, as the workflow use cases need it.
public protocol CaseStore: Sendable {
    func load(_ reference: CaseReference, withFirings: Bool) async throws -> LoadedCase?
    /// Writes a new case (expectedVersion nil) or a change to an existing one, all in one transaction; throws
    /// ``CaseChangedSinceRead`` when the stored version is not the expected one.
    func commit(_ change: CaseChange) async throws
    /// Claims up to `limit` cases with a warning or breach due at `now` (cases another sweeper holds are
    /// skipped), records the firings, lets `decide` turn the new ones into changes, and writes those changes,
    /// all in one transaction.
    func sweep(
        now: Date, limit: Int, sweeper: String,
        decide: @Sendable ([LoadedCase], [DeadlineFiring]) throws -> [CaseChange]
    ) async throws -> SweepBatch
    /// How many sweep batches may usefully run at once (PostgreSQL: several, they skip each other's cases;
    /// SQLite: one, it has one writer).
    var sweepConcurrency: Int { get }
    /// References of undecided cases, a page at a time, for recomputing deadlines.
    func undecidedReferences(after: CaseReference?, limit: Int) async throws -> [CaseReference]
    func deadlineRules(timeZone: TimeZone) async throws -> DeadlineRules
    /// Adds entries to cases' timelines that change nothing else (notes, calls logged), in one transaction.
    func record(_ entries: [(CaseReference, Interaction)]) async throws
    /// Adds online status checks to the per-case, per-day counts, in one transaction.
    func recordStatusChecks(_ checks: [StatusChecks]) async throws
    /// Active reviewers, their skills and how many undecided cases each holds.
    func reviewerLoads() async throws -> [ReviewerLoad]
    /// Decided cases whose closing time (``Decision/closesAt``) has come, oldest first.
    func casesToClose(now: Date, limit: Int) async throws -> [CaseReference]
}

extension CaseStore {
    /// The case with everything a decision on it needs (including which deadline warnings have fired).
    public func load(_ reference: CaseReference) async throws -> LoadedCase? { try await load(reference, withFirings: true) }
}
