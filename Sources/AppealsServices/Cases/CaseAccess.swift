import AppealsDomain
import Foundation

/// The one access policy for staff and cases: who may see a case, and which actions they may take on it now.
///
/// Every staff controller and page reads this (the case page's buttons, the action routes, evidence downloads),
/// and the phone-agent console and the clerk's pages are meant to. It asks the workflow's own tables of roles and
/// states, and adds what the workflow does not know: whose case it is.
public struct CaseAccess: Sendable {
    /// Roles that open case pages at all.
    public static let viewers: Set<Role> = [.phoneAgent, .reviewer, .supervisor, .clerk, .auditor]
    /// Roles that work cases through review.
    public static let deciders: Set<Role> = [.reviewer, .supervisor]
    /// Roles that add internal notes and write to the citizen (not auditors: they read, they do not write).
    public static let noteTakers: Set<Role> = [.phoneAgent, .reviewer, .supervisor, .clerk]
    /// Roles that take citizens' calls and log them.
    public static let callTakers: Set<Role> = [.phoneAgent, .supervisor]
    /// Roles that set or clear the vulnerable-citizen flag (agents hear it first; reviewers read it in letters).
    public static let vulnerabilityMarkers: Set<Role> = [.phoneAgent, .reviewer, .supervisor]
    /// Roles that correct a citizen's contact details (a caller's new number, a letter's new address).
    public static let contactEditors: Set<Role> = [.phoneAgent, .supervisor, .clerk]
    /// Roles that may download an original file as received.
    public static let originalReaders: Set<Role> = [.reviewer, .supervisor, .auditor]

    public init() {}

    /// Reviewers see the team queue's cases and the ones they hold, decided or proposed; supervisors, phone agents,
    /// clerks and auditors see every case.
    public func mayView(_ record: Case, _ account: StaffAccount) -> Bool {
        if viewsEveryCase(account) { return true }
        guard account.roles.contains(.reviewer) else { return false }
        return record.assignee == nil || record.assignee == account.id || record.decision?.decidedBy == account.id
            || record.pendingDecision?.proposedBy == account.id
    }

    /// Whether this person sees every case, whoever holds it (supervisors, phone agents, clerks, auditors); a
    /// reviewer sees some (``mayView(_:_:)``), an administrator none.
    public func viewsEveryCase(_ account: StaffAccount) -> Bool {
        !account.roles.isDisjoint(with: [.supervisor, .phoneAgent, .clerk, .auditor])
    }

    /// The actions this person may take on the case as it stands.
    public func availableActions(_ record: Case, _ account: StaffAccount) -> Set<CaseAction> {
        guard mayView(record, account) else { return [] }
        let mine = record.assignee == account.id
        let supervisor = account.roles.contains(.supervisor)
        var actions: Set<CaseAction> = []
        func allowed(_ action: CaseAction) -> Bool {
            role(for: action, account).map { Workflow.roles(for: action.event).contains($0) } ?? false
        }
        if allowed(.claim), record.assignee == nil { actions.insert(.claim) }
        if allowed(.release), record.assignee != nil { actions.insert(.release) }
        if allowed(.assign) { actions.insert(.assign) }
        if allowed(.startReview) { actions.insert(.startReview) }
        if allowed(.requestInformation) { actions.insert(.requestInformation) }
        if allowed(.decide), mine || supervisor { actions.insert(.decide) }
        if allowed(.approve), record.pendingDecision.map({ $0.proposedBy != account.id }) ?? false { actions.insert(.approve) }
        if allowed(.returnDecision) { actions.insert(.returnDecision) }
        if allowed(.withdrawForCitizen) { actions.insert(.withdrawForCitizen) }
        if allowed(.requestHearingForCitizen) { actions.insert(.requestHearingForCitizen) }
        if !account.roles.isDisjoint(with: Self.noteTakers) { actions.formUnion([.note, .writeToCitizen]) }
        if !account.roles.isDisjoint(with: Self.callTakers) { actions.insert(.logCall) }
        if !account.roles.isDisjoint(with: Self.vulnerabilityMarkers) { actions.insert(.markVulnerable) }
        if !account.roles.isDisjoint(with: Self.contactEditors) { actions.insert(.correctContact) }
        return actions.filter { CaseAction.recordOnly.contains($0) || Workflow.states(for: $0.event).contains(record.state) }
    }

    /// The role this person acts in for an action: the first of theirs in the action's order of preference. Work
    /// on a case is done as a reviewer when the person is one (so a supervisor who reviews is held to the same
    /// four-eyes rules); assigning and releasing as a supervisor. The workflow still has the last word: a role it
    /// does not admit gets its refusal, with its words. Nil when the person holds none of them.
    public func role(for action: CaseAction, _ account: StaffAccount) -> Role? {
        let preference: [Role] =
            switch action {
            case .note, .writeToCitizen: [.reviewer, .supervisor, .phoneAgent, .clerk]
            case .logCall: [.phoneAgent, .supervisor]
            case .markVulnerable: [.phoneAgent, .supervisor, .reviewer]
            case .correctContact: [.phoneAgent, .supervisor, .clerk]
            case .withdrawForCitizen, .requestHearingForCitizen: [.phoneAgent, .clerk]
            case .release: [.supervisor, .reviewer]
            case .assign, .approve, .returnDecision: [.supervisor]
            case .claim, .startReview, .requestInformation, .decide: [.reviewer, .supervisor]
            }
        return preference.first(where: account.roles.contains)
    }
}
