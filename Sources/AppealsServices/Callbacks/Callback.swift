import AppealsDomain
import Foundation

/// A call back a citizen asked for, or an agent booked: whom to call, when, and why.
public struct Callback: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// To be called in its window.
        case due
        /// Its window ended without a call logged: still to be called, and the supervisors were warned.
        case missed
        case done
    }

    public let id: String
    public let reference: CaseReference
    /// E.164, for a `tel:` link.
    public let phone: String
    public let window: CallbackWindow
    public let startsAt: Date
    public let endsAt: Date
    public let reason: String
    /// "citizen", or the id of the agent who booked it.
    public let requestedBy: String
    public let requestedAt: Date
    public var status: Status

    public init(
        id: String, reference: CaseReference, phone: String, window: CallbackWindow, startsAt: Date, endsAt: Date, reason: String,
        requestedBy: String, requestedAt: Date, status: Status
    ) {
        self.id = id
        self.reference = reference
        self.phone = phone
        self.window = window
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.reason = reason
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.status = status
    }
}
