import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

/// The agent reads the citizen's own words: for a case in every state, the script on the staff case page and the
/// citizen's status page say the same sentences (both come from the same partials over the same facts).
@Suite("The agent's script says what the citizen's status page says, in every state")
struct AgentScriptTests {
    /// The words inside the `data-script` block, tags removed and spaces collapsed.
    static func script(_ html: String) -> String? {
        guard let start = html.range(of: "data-script>") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</div>") else { return nil }
        return rest[..<end.lowerBound].replacing(/<[^>]+>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func forEveryStateTheScriptAndTheStatusPageSayTheSame() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let dan = try await StaffTest.signIn("dan", on: client)
            let citizen = try await Browser.open("/status", on: client)
            for state in CaseState.allCases {
                let row = try await db.withConnection {
                    try await $0.raw(
                        """
                        SELECT c.reference, t.plate FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number
                        WHERE c.state = \(bind: state.rawValue) ORDER BY c.reference LIMIT 1
                        """
                    ).first()
                }
                let found = try #require(row, "the demo data has a case \(state.rawValue)")
                let reference = try found.decode(column: "reference", as: String.self)
                let plate = try found.decode(column: "plate", as: String.self)
                let agentWords = try await dan.get("/staff/cases/\(reference)", on: client) { Self.script($0.text) }
                let citizenWords = try await citizen.post("/status", [("reference", reference), ("plate", plate)], on: client) {
                    Self.script($0.text)
                }
                let agent = try #require(agentWords, "\(state): no script on the case page")
                #expect(agent.count > 20, "\(state): \(agent)")
                #expect(agent == citizenWords, "\(state)")
                // Why a decision went as it did, in the words the citizen reads (the reason's citizen partial).
                if state == .decided { #expect(agent.contains("Why: "), "\(agent)") }
            }
        }
    }
}
