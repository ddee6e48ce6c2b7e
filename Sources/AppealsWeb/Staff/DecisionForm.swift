import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The decision as the reviewer typed it: kept on every error and on the preview.
struct DecisionForm: Sendable, Encodable {
    var outcome = ""
    var amount = ""
    var reasonCode = ""
    var replies: [Reply]
    // For the radio buttons' `checked`.
    var outcomeCancelled = false
    var outcomeReduced = false
    var outcomeUpheld = false

    struct Reply: Sendable, Encodable {
        let ground: Label
        let text: String
        let missing: Bool
    }

    init(grounds: [Ground]) {
        replies = grounds.map { Reply(ground: Label($0), text: "", missing: false) }
    }

    init(_ form: DecisionSubmission, grounds: [Ground]) {
        outcome = Outcome(rawValue: form.outcome ?? "")?.rawValue ?? ""
        amount = (form.amount ?? "").trimmingSpaces
        reasonCode = ReasonCode(rawValue: form.reasonCode ?? "").map(\.rawValue) ?? ""
        replies = grounds.map { g in
            let text = (form.replies[g.rawValue] ?? "").trimmingSpaces
            return Reply(ground: Label(g), text: text, missing: text.isEmpty)
        }
        (outcomeCancelled, outcomeReduced, outcomeUpheld) = (outcome == "cancelled", outcome == "reduced", outcome == "upheld")
    }

    /// Dollars and cents as typed ("45", "$45.5", "45.50"), at most $9,999,999.99: nil when not an amount.
    var amountCents: Int? {
        let parts = amount.replacingOccurrences(of: "$", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = RequestNumber.valid(parts[0], in: 0...9_999_999) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : "0"
        guard fraction.count <= 2, let cents = RequestNumber.valid(fraction.padding(toLength: 2, withPad: "0", startingAt: 0), in: 0...99)
        else { return nil }
        return whole * 100 + cents
    }

    func problems(ticketAmountCents: Int) -> CasePage.Problems {
        var problems = CasePage.Problems()
        problems.noOutcome = outcome.isEmpty
        if outcome == Outcome.reduced.rawValue {
            problems.badAmount = amountCents.map { $0 <= 0 || $0 >= ticketAmountCents } ?? true
        }
        problems.noReason = reasonCode.isEmpty
        problems.missingReplies = replies.contains { $0.missing }
        return problems
    }

    var draft: DecisionDraft {
        DecisionDraft(
            outcome: Outcome(rawValue: outcome) ?? .upheld,
            reducedAmountCents: outcome == Outcome.reduced.rawValue ? amountCents : nil, reasonCode: ReasonCode(rawValue: reasonCode),
            replies: Dictionary(uniqueKeysWithValues: replies.map { ($0.ground.code, $0.text) })
        )
    }
}
