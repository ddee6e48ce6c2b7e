import Foundation

public enum Recipient: Sendable, Equatable, Hashable {
    case citizen
    case staff(StaffID)
    case supervisors
}
