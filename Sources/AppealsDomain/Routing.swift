import Foundation

/// Routing rules (docs/DOMAIN.md, "Routing and priority").
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
