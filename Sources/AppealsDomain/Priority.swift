import Foundation

/// Priority rules: a higher score is worked first.
public enum Priority {
    public static func score(
        towed: Bool, contactCount: Int, vulnerable: Bool, escalated: Bool, daysToStatutoryDeadline: Int?, messageWaiting: Bool = false
    ) -> Int {
        var score = 0
        if messageWaiting { score += 20 }  // the citizen wrote to us, and nobody has read it yet
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
