import AppealsDomain
import AppealsServices
import Foundation

/// What the citizen is told about their case, as facts for `templates/partials/status-headline.mustache` and
/// `status-lead.mustache`: the citizen's status page and the phone agent's script render the same partials from
/// this, so that the two always say the same thing.
struct StatusScript: Sendable, Encodable {
    let state: Label
    let outcome: Label?
    /// Dates in the authority's time zone, written out ("Monday 7 December 2026").
    let decisionDue: String?
    let answerDue: String?
    let hearingUntil: String?
    let amountDue: String?

    init(_ status: CaseStatus, timeZone: TimeZone) {
        let calendar = BusinessCalendar(timeZone: timeZone)
        self.init(
            state: status.state, outcome: status.decision?.outcome, decisionDue: status.decisionDue.map(AppealController.longDate),
            answerDue: status.answerDue.map(AppealController.longDate),
            hearingUntil: status.hearingWindowEnds.map { AppealController.longDate(calendar.local($0).date) },
            amountDue: status.decision.map { Money.dollars($0.amountDueCents) })
    }

    init(state: CaseState, outcome: Outcome?, decisionDue: String?, answerDue: String?, hearingUntil: String?, amountDue: String?) {
        self.state = Label(state)
        self.outcome = outcome.map(Label.init)
        self.decisionDue = decisionDue
        self.answerDue = answerDue
        self.hearingUntil = hearingUntil
        self.amountDue = amountDue
    }
}
