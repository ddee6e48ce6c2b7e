import AppealsDomain
import AppealsServices
import Foundation

/// What the citizen is told about their case, as facts for `templates/partials/status-headline.mustache` and
/// `status-lead.mustache`: the citizen's status page and the phone agent's script render the same partials from
/// this, so that the two always say the same thing.
public struct StatusScript: Sendable, Encodable {
    public let state: Label
    public let outcome: Label?
    /// Dates in the authority's time zone, written out ("Monday 7 December 2026").
    public let decisionDue: String?
    public let answerDue: String?
    public let hearingUntil: String?
    /// A hearing may be asked for (with `hearingUntil` once the decision letter is served).
    public let hearingOpen: Bool
    public let amountDue: String?
    /// Why the decision went as it did, in the citizen's words (`partials/reason-for-citizen`).
    public var reason: Label?

    public init(_ status: CaseStatus, timeZone: TimeZone) {
        let calendar = BusinessCalendar(timeZone: timeZone)
        self.init(
            state: status.state, outcome: status.decision?.outcome, decisionDue: status.decisionDue.map(LongDate.text),
            answerDue: status.answerDue.map(LongDate.text),
            hearingUntil: status.hearingWindowEnds.map { LongDate.text(calendar.local($0).date) },
            amountDue: status.decision.map { Money.dollars($0.amountDueCents) }, hearingOpen: status.hearingOpen)
        reason = status.decision.map { Label($0.reasonCode) }
    }

    public init(
        state: CaseState, outcome: Outcome?, decisionDue: String?, answerDue: String?, hearingUntil: String?, amountDue: String?,
        hearingOpen: Bool = false
    ) {
        self.hearingOpen = hearingOpen || hearingUntil != nil
        self.state = Label(state)
        self.outcome = outcome.map(Label.init)
        self.decisionDue = decisionDue
        self.answerDue = answerDue
        self.hearingUntil = hearingUntil
        self.amountDue = amountDue
    }
}
