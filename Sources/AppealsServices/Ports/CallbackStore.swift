import AppealsDomain
import Foundation

/// Calls back, kept like deadlines.
public protocol CallbackStore: Sendable {
    /// Books a callback with its timeline entry, and the message telling the citizen when we will call (the words
    /// of the window in its body), in one transaction; false, and nothing written, when the case has an open one.
    func book(_ callback: Callback, interaction: Interaction, notice: String) async throws -> Bool
    /// The open callback of a case, if any.
    func open(of reference: CaseReference) async throws -> Callback?
    /// Open callbacks (due and missed) in the order they are due, and how many there are.
    func open(limit: Int) async throws -> (callbacks: [Callback], count: Int)
    /// Marks done the case's open callback whose window has started by `now` (or whenever it starts, `early`);
    /// false when there is none.
    func complete(of reference: CaseReference, at now: Date, by staff: StaffID, early: Bool) async throws -> Bool
    /// Marks missed, once each, every due callback whose window ended before `now`, with a timeline entry and a
    /// warning to the supervisors for each; the ones marked.
    func markMissed(before now: Date, interaction: (Callback) -> Interaction) async throws -> [Callback]
}
