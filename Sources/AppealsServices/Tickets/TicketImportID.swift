import AppealsDomain
import Foundation

/// Identifies one run of the ticket import, so that every ticket row records which import last saw it.
public struct TicketImportID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
}
