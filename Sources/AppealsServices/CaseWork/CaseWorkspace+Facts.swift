import AppealsDomain
import Foundation

extension CaseWorkspace {
    /// What the case page shows, as facts: no words, no addresses, nothing read later.
    public struct Facts: Sendable {
        public let loaded: LoadedCase
        public let file: CaseFile
        /// The case's deadlines as they stand now.
        public let deadlines: [Deadline]
        /// The authority's business calendar, holidays included.
        public let calendar: BusinessCalendar
        public let evidence: [EvidenceRecord]
        /// For a supervisor: each active reviewer's load (empty for everyone else).
        public let team: [ReviewerWorkload]
        /// What the citizen is told (the status page's facts).
        public let status: CaseStatus?
        /// The case's letters, newest first.
        public let letters: [LetterRecord]
        /// Messages to the citizen given up on, newest first.
        public let failedMessages: [OutboxMessage]
        /// The hearing set, for a case waiting for its hearing.
        public let hearing: Hearing?
        public let now: Date
        /// What the citizen sent us by e-mail or text, newest first, and which of them no member of staff had
        /// opened before this view.
        public var messages: [InboundMessage] = []
        public var unread: Set<String> = []

        public init(
            loaded: LoadedCase, file: CaseFile, deadlines: [Deadline], calendar: BusinessCalendar, evidence: [EvidenceRecord],
            team: [ReviewerWorkload], status: CaseStatus?, letters: [LetterRecord], failedMessages: [OutboxMessage], hearing: Hearing?,
            now: Date
        ) {
            self.loaded = loaded
            self.file = file
            self.deadlines = deadlines
            self.calendar = calendar
            self.evidence = evidence
            self.team = team
            self.status = status
            self.letters = letters
            self.failedMessages = failedMessages
            self.hearing = hearing
            self.now = now
        }

        public var record: Case { loaded.record }
        /// Whether the case waits for a supervisor to set its hearing.
        public var awaitsHearing: Bool { loaded.record.state == .hearingRequested }
    }
}
