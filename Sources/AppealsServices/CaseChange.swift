import AppealsDomain
import Foundation

/// Everything one accepted event writes, in one transaction: the case, its audit event, its recomputed
/// deadlines, and what it queues for people.
public struct CaseChange: Sendable, Equatable {
    public var updated: Case
    /// The version the change was decided on; nil for a new case. A different stored version is a conflict.
    public var expectedVersion: Int?
    public var audit: [AuditEntry]
    /// The full recomputed set, or nil when the deadlines did not change.
    public var deadlines: [Deadline]?
    public var notifications: [QueuedNotification]
    public var letters: [LetterKind]
    public var interactions: [Interaction]
    /// Stored with the case for queue ordering.
    public var priority: Int
    /// What the citizen told us, for a new case.
    public var filing: AppealDetails?
    /// Evidence files (received with a draft, or with an answer) that become the case's in this transaction.
    public var evidence: [EvidenceID] = []

    public init(
        updated: Case, expectedVersion: Int?, audit: [AuditEntry], deadlines: [Deadline]?,
        notifications: [QueuedNotification] = [], letters: [LetterKind] = [], interactions: [Interaction] = [], priority: Int
    ) {
        self.updated = updated
        self.expectedVersion = expectedVersion
        self.audit = audit
        self.deadlines = deadlines
        self.notifications = notifications
        self.letters = letters
        self.interactions = interactions
        self.priority = priority
    }
}

/// One line of the audit trail, before the store chains it.
public struct AuditEntry: Sendable, Equatable {
    public let caseReference: CaseReference?
    public let at: Date
    public let actor: Actor
    /// A ``CaseEventKind`` raw value, or another auditable happening (`deadline_warning`, `sign_in` …).
    public let event: String
    public let from: CaseState?
    public let to: CaseState?
    public let reason: String?
    public let requestID: String?
    public let detail: String?

    public init(
        caseReference: CaseReference?, at: Date, actor: Actor, event: String, from: CaseState?, to: CaseState?,
        reason: String? = nil, requestID: String? = nil, detail: String? = nil
    ) {
        self.caseReference = caseReference
        self.at = at
        self.actor = actor
        self.event = event
        self.from = from
        self.to = to
        self.reason = reason
        self.requestID = requestID
        self.detail = detail
    }
}

/// A message waiting for the sender.
public struct QueuedNotification: Sendable, Equatable {
    public let recipient: Recipient
    public let kind: NotificationKind
    public init(recipient: Recipient, kind: NotificationKind) {
        self.recipient = recipient
        self.kind = kind
    }
}

/// Channels of the one timeline.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case web, phone, mail, email, sms
    case inPerson = "in_person"
    case system
}

/// One entry of a case's timeline.
public struct Interaction: Sendable, Equatable {
    public let at: Date
    public let channel: Channel
    public let direction: Direction
    public let actor: String
    public let kind: String
    public let summary: String?
    /// Shown on the citizen's status page.
    public let isPublic: Bool

    public enum Direction: String, Sendable { case inbound = "in", outbound = "out", `internal` }

    public init(at: Date, channel: Channel, direction: Direction, actor: String, kind: String, summary: String? = nil, isPublic: Bool) {
        self.at = at
        self.channel = channel
        self.direction = direction
        self.actor = actor
        self.kind = kind
        self.summary = summary
        self.isPublic = isPublic
    }
}

/// Another person changed the case after it was read: nothing was written; reload and try again.
public struct CaseChangedSinceRead: Error, Sendable, Equatable {
    public let reference: CaseReference
    public init(reference: CaseReference) { self.reference = reference }
}

/// What the citizen tells us when they appeal, besides the grounds.
public struct AppealDetails: Sendable, Equatable {
    public var statement: String
    public var lateReason: String?
    public var contactName: String
    public var postalAddress: String
    public var email: String?
    /// E.164, e.g. +12125550123.
    public var mobile: String?
    public var preferredChannel: PreferredChannel
    public var language: String

    public enum PreferredChannel: String, Sendable, CaseIterable { case letter, email, sms }

    public init(
        statement: String, lateReason: String? = nil, contactName: String, postalAddress: String, email: String? = nil,
        mobile: String? = nil, preferredChannel: PreferredChannel = .letter, language: String = "en"
    ) {
        self.statement = statement
        self.lateReason = lateReason
        self.contactName = contactName
        self.postalAddress = postalAddress
        self.email = email
        self.mobile = mobile
        self.preferredChannel = preferredChannel
        self.language = language
    }
}
