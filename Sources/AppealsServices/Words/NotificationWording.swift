import AppealsDomain

/// A message kind's name, as the timeline says it ("Acknowledgement sent to l…@example.com").
public enum NotificationWording {
    public static func name(_ kind: NotificationKind) -> String {
        switch kind {
        case .acknowledgement: "Acknowledgement"
        case .informationRequested: "Request for information"
        case .citizenResponded: "Answer received"
        case .informationTimedOut: "No answer in time"
        case .decided: "Decision"
        case .approvalNeeded: "Approval needed"
        case .decisionApproved: "Decision approved"
        case .decisionReturned: "Decision returned"
        case .withdrawn: "Withdrawal confirmed"
        case .hearingRequested: "Hearing requested"
        case .deemedAccepted: "Deemed acceptance"
        case .assigned: "Case assigned"
        case .deadlineWarning: "Deadline warning"
        case .deadlineBreached: "Deadline breached"
        }
    }
}
