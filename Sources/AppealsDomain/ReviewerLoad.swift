import Foundation

/// A reviewer as routing sees them: what they can do and how much they hold.
public struct ReviewerLoad: Sendable, Equatable {
    public let id: StaffID
    public let skills: Set<Skill>
    public let openCases: Int
    public let available: Bool

    public init(id: StaffID, skills: Set<Skill>, openCases: Int, available: Bool = true) {
        self.id = id
        self.skills = skills
        self.openCases = openCases
        self.available = available
    }
}
