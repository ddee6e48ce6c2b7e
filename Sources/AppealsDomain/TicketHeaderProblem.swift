import Foundation

/// A ticket file whose header lacks required columns cannot be imported at all.
public struct TicketHeaderProblem: Error, Hashable, Sendable {
    public let missingColumns: [TicketColumn]
    public init(missingColumns: [TicketColumn]) { self.missingColumns = missingColumns }
}
