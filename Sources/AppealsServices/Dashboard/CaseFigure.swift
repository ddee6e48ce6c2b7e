import AppealsDomain
import Foundation

/// The cases behind one figure of the dashboard, in a reporting period (what a figure's link lists and exports).
public enum CaseFigure: Sendable, Equatable {
    /// Received in the period (by one channel).
    case received(Channel?)
    /// Concluded in the period (one way, on one ground, by one reviewer); `decisionsOnly` for the time to decision.
    case concluded(Conclusion?, ground: Ground?, reviewer: StaffID?, decisionsOnly: Bool)
    /// With a deadline of this kind due in the period, and this result.
    case deadline(DeadlineKind, DeadlineResult)
    /// Called about in the period: all, those resolved or not resolved on the call, or repeat calls.
    case calls(CallFilter)
    /// With a letter posted or returned in the period, or in a batch printed in it.
    case letters(LetterEvent)
    /// Open at the end of the period, of an age then.
    case openAtEnd(AgeBucket?)
    /// Open now, in a state, of an age now (the period does not matter).
    case openNow(CaseState?, AgeBucket?)

    public enum DeadlineResult: String, Sendable, CaseIterable { case onTime = "on_time", late, missed }
    public enum CallFilter: String, Sendable, CaseIterable { case all, resolved, unresolved, repeats }
    public enum LetterEvent: String, Sendable, CaseIterable { case printed, posted, returned }
}
