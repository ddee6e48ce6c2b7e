import AppealsDomain
import Foundation

/// A citizen's own words arriving on their case, by e-mail or text: the answer when the case waits for one (the
/// clock restarts, exactly as with `/status/answer`), otherwise a message on the timeline for staff to read.
struct CitizenReply: Sendable {
    let engine: CaseEngine
    let clock: any WallClock

    /// The timeline entry the message's own row is to carry: nil when it was taken as the answer (the engine wrote
    /// that entry with the case's change). Either way the case now has a message waiting, which raises its priority
    /// until someone who works it opens it.
    func land(_ said: String, on reference: CaseReference, by channel: Channel) async throws -> Interaction? {
        let entry = try await answerOrMessage(said, on: reference, by: channel)
        try await engine.setMessageWaiting(true, on: reference)
        return entry
    }

    func answerOrMessage(_ said: String, on reference: CaseReference, by channel: Channel) async throws -> Interaction? {
        // Another change to the case at the same moment (a second reply received beside this one, say) is retried
        // against the case as it now is.
        var attempt = 1
        while true {
            do {
                _ = try await engine.apply(
                    .citizenResponded, to: reference, by: .citizen,
                    interaction: entry(.informationProvided, said, by: channel, isPublic: true))
                return nil
            } catch is WorkflowError {
                return entry(.messageReceived, said, by: channel)
            } catch is CaseChangedSinceRead where attempt < 5 {
                attempt += 1
            }
        }
    }

    /// A timeline entry for what the citizen sent (staff only unless `isPublic`).
    func entry(_ kind: InteractionKind, _ said: String, by channel: Channel, isPublic: Bool = false) -> Interaction {
        Interaction(
            at: clock.now(), channel: channel, direction: .inbound, actor: "citizen", kind: kind, summary: String(said.prefix(5_000)),
            isPublic: isPublic)
    }
}
