import Foundation

/// A computed deadline of one case.
public struct Deadline: Sendable, Equatable {
    public let kind: DeadlineKind
    public let status: Status
    /// For a met deadline: whether it was met by the time it fell due (the dashboard's SLA attainment).
    public var metOnTime: Bool? = nil
    public let explanation: DeadlineExplanation

    public enum Status: Sendable, Equatable {
        /// Running: warn at `warnAt` (if any), breach at `dueAt`.
        case running(dueAt: Date, warnAt: Date?)
        /// Stopped while the case awaits the citizen; resumes with the days paused added.
        case paused
        case met(at: Date)
        /// No longer applies (the case was withdrawn or decided before it was met).
        case cancelled(at: Date)
    }

    /// The instant it falls due when running.
    public var dueAt: Date? {
        if case .running(let due, _) = status { return due }
        return nil
    }
}
