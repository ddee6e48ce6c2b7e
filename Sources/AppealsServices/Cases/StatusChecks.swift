import AppealsDomain
import Foundation

/// Status look-ups of one case on one day (the authority's date) on one channel (web: the status page; phone: the
/// status API the automated phone line calls): one timeline entry with a count, however often it is looked at.
public struct StatusChecks: Sendable, Equatable {
    public let reference: CaseReference
    public let day: LocalDate
    public let channel: Channel
    public var count: Int
    public var first: Date
    public var last: Date

    public init(reference: CaseReference, day: LocalDate, channel: Channel = .web, count: Int, first: Date, last: Date) {
        self.reference = reference
        self.day = day
        self.channel = channel
        self.count = count
        self.first = first
        self.last = last
    }
}
