import AppealsDomain
import Foundation

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
