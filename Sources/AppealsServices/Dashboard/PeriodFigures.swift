import AppealsDomain
import Foundation

/// The counts the store aggregates for one reporting period (no case is loaded to compute them).
public struct PeriodFigures: Sendable, Equatable {
    /// Appeals received, by the channel they came by.
    public var received: [Channel: Int] = [:]
    /// Deadlines by kind: met in the period by their due time or after it, and due in the period and still open past it.
    public var deadlines: [DeadlineKind: DeadlineResults] = [:]
    /// Reviewers' decisions made in the period, counted by whole hours from receipt.
    public var hoursToDecision: [Int: Int] = [:]
    /// Appeals concluded in the period, by the grounds they raised (as filed) and their conclusion.
    public var conclusions: [GroundsConclusion] = []
    /// Reviewers' decisions made in the period, by reviewer and outcome.
    public var decisionsByReviewer: [StaffID: [Conclusion: Int]] = [:]
    /// Calls logged in the period; resolved on the call; about a case called about before.
    public var calls = 0
    public var callsResolved = 0
    public var repeatCalls = 0
    public var lettersPrinted = 0
    public var lettersPosted = 0
    public var lettersReturned = 0
    /// Messages from citizens received in the period (e-mails and texts with words of their own, on a case or
    /// unmatched; not auto-replies, delivery reports or STOP/HELP), by channel.
    public var messagesReceived: [Channel: Int] = [:]
    /// For each of those messages staff answered, the whole hours to the first word back (a message written to the
    /// citizen or a call on the case, or the answer to an unmatched message); and how many have none yet.
    public var hoursToFirstReply: [Int] = []
    public var messagesUnanswered = 0
    /// Calls back whose window ended in the period: called within the window, after it, or not called (yet).
    public var callbacks = DeadlineResults()
    /// Appeals open at the end of the period, by how long they had waited then.
    public var openAtEnd: [AgeBucket: Int] = [:]

    public init() {}

    /// The median of ``hoursToFirstReply`` (the lower middle of an even count); nil without a reply.
    public var medianHoursToFirstReply: Int? {
        guard !hoursToFirstReply.isEmpty else { return nil }
        return hoursToFirstReply.sorted()[(hoursToFirstReply.count - 1) / 2]
    }

    public struct DeadlineResults: Sendable, Equatable {
        public var onTime = 0
        public var late = 0
        public var missed = 0
        public init(onTime: Int = 0, late: Int = 0, missed: Int = 0) {
            self.onTime = onTime
            self.late = late
            self.missed = missed
        }
        public var total: Int { onTime + late + missed }
    }

    public struct GroundsConclusion: Sendable, Equatable {
        public let grounds: [Ground]
        public let conclusion: Conclusion
        public let count: Int
        public init(grounds: [Ground], conclusion: Conclusion, count: Int) {
            self.grounds = grounds
            self.conclusion = conclusion
            self.count = count
        }
    }
}
