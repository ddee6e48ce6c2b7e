import AppealsDomain
import Foundation

/// Applies the case's one `acknowledge` event when its acknowledgement went out (an email or text accepted by the
/// server that sends it, or a letter posted). Nothing else acknowledges a case. A case acknowledged already keeps
/// its one event; a case withdrawn or decided before the acknowledgement went has nothing to acknowledge.
public struct AcknowledgeCase: Sendable {
    let engine: CaseEngine

    public init(engine: CaseEngine) { self.engine = engine }

    /// Whether the case was acknowledged now.
    @discardableResult
    public func callAsFunction(_ reference: CaseReference, because reason: String) async throws -> Bool {
        let history = try await engine.store.load(reference, withFirings: false)?.history ?? []
        guard !history.contains(where: { $0.event == .acknowledge }) else { return false }
        do {
            try await engine.apply(.acknowledge, to: reference, by: .system, reason: reason)
            return true
        } catch is WorkflowError {
            return false
        }
    }
}
