import AppealsDomain
import Foundation

/// A case as the workflow needs it: the record, its state history and the deadline firings already recorded.
public struct LoadedCase: Sendable, Equatable {
    public let record: Case
    public let history: [CaseHistoryEntry]
    public let firings: Set<DeadlineFiring>
    public init(record: Case, history: [CaseHistoryEntry], firings: Set<DeadlineFiring>) {
        self.record = record
        self.history = history
        self.firings = firings
    }
}

/// One warning or breach of one deadline at one due time: the exactly-once key.
public struct DeadlineFiring: Hashable, Sendable {
    public enum Level: String, Sendable, CaseIterable { case warning, breach }
    public let reference: CaseReference
    public let kind: DeadlineKind
    public let level: Level
    public let at: Date
    public init(reference: CaseReference, kind: DeadlineKind, level: Level, at: Date) {
        self.reference = reference
        self.kind = kind
        self.level = level
        self.at = at
    }
}

/// The authority's calendar and deadline rules as currently administered.
public struct DeadlineRules: Sendable, Equatable {
    public let calendar: BusinessCalendar
    public let policies: DeadlinePolicies
    public init(calendar: BusinessCalendar, policies: DeadlinePolicies) {
        self.calendar = calendar
        self.policies = policies
    }
}

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
}

/// What one sweep batch did. A batch that claimed nothing means nothing more is due.
public struct SweepBatch: Sendable, Equatable {
    /// Due warnings and breaches looked at (including ones another run had already recorded).
    public let claimed: Int
    /// Warnings and breaches newly recorded, and acted on, by this batch.
    public let fired: Int
    public init(claimed: Int, fired: Int) {
        self.claimed = claimed
        self.fired = fired
    }
}

extension CaseStore {
    /// The case with everything a decision on it needs (including which deadline warnings have fired).
    public func load(_ reference: CaseReference) async throws -> LoadedCase? { try await load(reference, withFirings: true) }
}

/// Online status checks of one case on one day (the authority's date): one timeline entry with a count, however
/// often the page is looked at.
public struct StatusChecks: Sendable, Equatable {
    public let reference: CaseReference
    public let day: LocalDate
    public var count: Int
    public var first: Date
    public var last: Date

    public init(reference: CaseReference, day: LocalDate, count: Int, first: Date, last: Date) {
        self.reference = reference
        self.day = day
        self.count = count
        self.first = first
        self.last = last
    }
}
