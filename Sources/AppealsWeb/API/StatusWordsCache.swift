import AppealsServices
import Foundation
import Synchronization

/// The status API's words, rendered once per distinct set of facts (state, outcome, the dates and the amount they
/// mention): the same partials as the status page, without rendering them on every look-up (profiling the API
/// showed the two templates as its largest cost).
final class StatusWordsCache: Sendable {
    private let words = Mutex<[String: (headline: String, text: String)]>([:])
    /// Beyond this many sets of facts, the cache starts again.
    static let capacity = 10_000

    func words(for status: CaseStatus, render: () throws -> (headline: String, text: String)) rethrows -> (headline: String, text: String) {
        let key = [
            status.state.rawValue, status.decision?.outcome.rawValue ?? "", status.decisionDue?.description ?? "",
            status.answerDue?.description ?? "", status.hearingWindowEnds.map { String(Int($0.timeIntervalSince1970)) } ?? "",
            status.decision.map { String($0.amountDueCents) } ?? "",
        ].joined(separator: "|")
        if let known = words.withLock({ $0[key] }) { return known }
        let rendered = try render()
        words.withLock {
            if $0.count >= Self.capacity { $0.removeAll() }
            $0[key] = rendered
        }
        return rendered
    }
}
