import AppealsDomain
import Foundation

public struct ReviewerWorkload: Sendable, Equatable {
    public let id: StaffID
    public let name: String
    public let inHand: Int
    public let overdue: Int

    public init(id: StaffID, name: String, inHand: Int, overdue: Int) {
        self.id = id
        self.name = name
        self.inHand = inHand
        self.overdue = overdue
    }
}
