import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The case page's "Log this call" form: the choices, what was typed, and what is missing.
struct CallPanel: Sendable, Encodable {
    struct Choice: Sendable, Encodable {
        let code: String
        let label: Label
        let selected: Bool
    }

    let reasons: [Choice]
    let outcomes: [Choice]
    let resolvedYes: Bool
    let resolvedNo: Bool
    let note: String
    var reasonMissing = false
    var outcomeMissing = false
    var resolvedMissing = false
    /// The page was opened from the Callbacks due list: the call is the call back.
    var callback = false

    init(_ form: CallForm? = nil) {
        reasons = CallReason.allCases.map { Choice(code: $0.rawValue, label: Label($0), selected: $0.rawValue == form?.reason) }
        outcomes = CallOutcome.allCases.map { Choice(code: $0.rawValue, label: Label($0), selected: $0.rawValue == form?.outcome) }
        resolvedYes = form?.resolved == "yes"
        resolvedNo = form?.resolved == "no"
        note = form?.note ?? ""
        callback = form?.callback == "yes"
    }

    /// The call as typed, when nothing is missing.
    static func details(_ form: CallForm) -> CallDetails? {
        guard let reason = form.reason.flatMap(CallReason.init(rawValue:)), let outcome = form.outcome.flatMap(CallOutcome.init(rawValue:)),
            ["yes", "no"].contains(form.resolved ?? "")
        else { return nil }
        return CallDetails(reason: reason, outcome: outcome, resolvedOnCall: form.resolved == "yes")
    }

    /// The form with what is missing marked.
    static func problems(_ form: CallForm) -> CallPanel {
        var panel = CallPanel(form)
        panel.reasonMissing = form.reason.flatMap(CallReason.init(rawValue:)) == nil
        panel.outcomeMissing = form.outcome.flatMap(CallOutcome.init(rawValue:)) == nil
        panel.resolvedMissing = !["yes", "no"].contains(form.resolved ?? "")
        return panel
    }
}
