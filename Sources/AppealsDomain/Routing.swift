import Foundation

/// What a reviewer must be able to handle to take a case.
public enum Skill: Hashable, Sendable, Codable, Comparable {
    case stolenVehicles
    case disability
    case notOwner
    case language(String)
    case commercialFleet

    /// The skill a ground calls for, when it calls for one.
    public static func needed(for ground: Ground) -> Skill? {
        switch ground {
        case .vehicleStolen: .stolenVehicles
        case .disabilityPlacard: .disability
        case .notOwner: .notOwner
        default: nil
        }
    }
}

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

/// Routing rules (DOMAIN.md, "Routing and priority").
public enum Routing {
    /// Fleets of at least this many vehicles need a reviewer who handles commercial fleets.
    public static let commercialFleetSize = 5

    /// The skills a case needs: from its grounds, the citizen's language (other than the default), and the
    /// size of the fleet it belongs to.
    public static func skillsNeeded(grounds: [Ground], language: String = "en", fleetSize: Int = 1) -> Set<Skill> {
        var skills = Set(grounds.compactMap(Skill.needed(for:)))
        if language.lowercased() != "en" { skills.insert(.language(language.lowercased())) }
        if fleetSize >= commercialFleetSize { skills.insert(.commercialFleet) }
        return skills
    }

    /// The least-loaded available reviewer who has every needed skill (ties broken by id, so the answer is
    /// stable); nil when nobody qualifies and the case waits in the team queue.
    public static func assignee(needing skills: Set<Skill>, among reviewers: [ReviewerLoad]) -> StaffID? {
        reviewers
            .filter { $0.available && skills.isSubset(of: $0.skills) }
            .min { ($0.openCases, $0.id) < ($1.openCases, $1.id) }?
            .id
    }
}

/// Priority rules: a higher score is worked first.
public enum Priority {
    public static func score(
        towed: Bool, contactCount: Int, vulnerable: Bool, escalated: Bool, daysToStatutoryDeadline: Int?
    ) -> Int {
        var score = 0
        if towed { score += 30 }  // storage fees accrue daily
        if contactCount >= 2 { score += 20 }  // the citizen keeps having to chase us
        if vulnerable { score += 25 }
        if escalated { score += 50 }
        if let days = daysToStatutoryDeadline {
            switch days {
            case ..<4: score += 60
            case ..<8: score += 40
            case ..<15: score += 20
            default: break
            }
        }
        return score
    }
}
