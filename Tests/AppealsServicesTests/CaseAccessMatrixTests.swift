import AppealsDomain
import AppealsServices
import Foundation
import Testing

/// The access policy over every state × role × whose case it is, against rules written out here independently of
/// the implementation; and every action it offers is one the workflow then accepts, so no page shows a button the
/// engine refuses.
@Suite("Who may see a case and what they may do to it")
struct CaseAccessMatrixTests {
    enum Ownership: CaseIterable { case unassigned, mine, someoneElses }

    static let me = StaffID("me"), other = StaffID("other")
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func account(_ roles: Set<Role>) -> StaffAccount {
        StaffAccount(
            id: me, name: "Me", email: "me@riverton.example", roles: roles, active: true,
            startedOn: LocalDate(iso: "2025-01-06")!, passwordHash: nil)
    }

    static func record(_ state: CaseState, _ ownership: Ownership) -> Case {
        let holder: StaffID? =
            switch ownership {
            case .unassigned: nil
            case .mine: me
            case .someoneElses: other
            }
        let proposer = ownership == .mine ? me : other
        let draft = DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)
        let decided: [CaseState] = [.decided, .hearingRequested, .closed]
        return Case(
            reference: CaseReference(randomBits: 42), ticketNumber: TicketNumber("RV26000001")!, ticketAmountCents: 6_500,
            towed: false, grounds: [.signsUnclear], receivedAt: now.addingTimeInterval(-86_400), late: false, state: state,
            assignee: holder,
            pendingDecision: state == .awaitingApproval ? PendingDecision(draft: draft, proposedBy: proposer, proposedAt: now) : nil,
            decision: decided.contains(state)
                ? Decision(
                    outcome: .upheld, amountDueCents: 6_500, reasonCode: .contraventionOccurred, decidedBy: proposer,
                    approvedBy: nil, decidedAt: now) : nil
        )
    }

    /// The rules, as docs/DOMAIN.md and the staff workspace describe them.
    static func expected(_ state: CaseState, _ role: Role, _ ownership: Ownership) -> Set<CaseAction> {
        let mayView = [.supervisor, .phoneAgent, .clerk, .auditor].contains(role) || (role == .reviewer && ownership != .someoneElses)
        guard mayView else { return [] }
        let decider = role == .reviewer || role == .supervisor
        let undecided = [.submitted, .inReview, .awaitingCitizen, .awaitingApproval].contains(state)
        var actions: Set<CaseAction> = []
        if [.phoneAgent, .reviewer, .supervisor, .clerk].contains(role) { actions.formUnion([.note, .writeToCitizen]) }
        if [.phoneAgent, .supervisor].contains(role) { actions.insert(.logCall) }
        if [.phoneAgent, .reviewer, .supervisor].contains(role) { actions.insert(.markVulnerable) }
        if [.phoneAgent, .supervisor, .clerk].contains(role) { actions.insert(.correctContact) }
        if decider && [.submitted, .inReview, .awaitingCitizen].contains(state) && ownership == .unassigned { actions.insert(.claim) }
        if role == .supervisor && undecided { actions.insert(.assign) }
        if role == .supervisor && undecided && ownership != .unassigned { actions.insert(.release) }
        if decider && state == .submitted { actions.insert(.startReview) }
        if decider && state == .inReview { actions.insert(.requestInformation) }
        if decider && state == .inReview && (ownership == .mine || role == .supervisor) { actions.insert(.decide) }
        if role == .supervisor && state == .awaitingApproval { actions.insert(.returnDecision) }
        if role == .supervisor && state == .awaitingApproval && ownership != .mine { actions.insert(.approve) }
        // Agents and clerks act for the citizen: withdrawing while undecided, asking for a hearing once decided.
        if [.phoneAgent, .clerk].contains(role) && undecided { actions.insert(.withdrawForCitizen) }
        if [.phoneAgent, .clerk].contains(role) && state == .decided { actions.insert(.requestHearingForCitizen) }
        return actions
    }

    static let staffRoles: [Role] = [.phoneAgent, .reviewer, .supervisor, .clerk, .administrator, .auditor]

    @Test(arguments: CaseState.allCases)
    func everyRoleAndOwnershipGetsExactlyItsActions(state: CaseState) {
        let access = CaseAccess()
        for role in Self.staffRoles {
            for ownership in Ownership.allCases {
                let found = access.availableActions(Self.record(state, ownership), Self.account([role]))
                #expect(found == Self.expected(state, role, ownership), "\(state) \(role) \(ownership)")
                #expect(
                    access.mayView(Self.record(state, ownership), Self.account([role]))
                        == (role != .administrator && !(role == .reviewer && ownership == .someoneElses)), "\(state) \(role) \(ownership)")
            }
        }
    }

    @Test(arguments: CaseState.allCases)
    func everyOfferedActionIsOneTheWorkflowAccepts(state: CaseState) {
        let access = CaseAccess()
        let workflow = Workflow()
        // A senior reviewer who also supervises, as the demo's Cleo, and each role alone.
        for roles in Self.staffRoles.map({ Set([$0]) }) + [[.reviewer, .supervisor]] {
            for ownership in Ownership.allCases {
                let record = Self.record(state, ownership)
                let account = Self.account(roles)
                for action in access.availableActions(record, account)
                where ![.note, .logCall, .markVulnerable, .correctContact, .writeToCitizen].contains(action) {
                    let role = access.role(for: action, account)
                    #expect(role != nil, "\(action) offered to \(roles) without a role to take it in")
                    let event: CaseEvent =
                        switch action {
                        case .claim: .claim
                        case .release: .assign(nil)
                        case .assign: .assign(Self.other)
                        case .startReview: .startReview
                        case .requestInformation: .requestInformation
                        case .decide: .decide(DecisionDraft(outcome: .cancelled, reasonCode: .evidenceAccepted))
                        case .approve: .approveDecision
                        case .returnDecision: .returnDecision
                        case .withdrawForCitizen: .withdraw
                        case .requestHearingForCitizen: .requestHearing
                        case .note, .logCall, .markVulnerable, .correctContact, .writeToCitizen: .claim
                        }
                    let accepted = role.map { (try? workflow.apply(event, to: record, by: account.actor(as: $0), at: Self.now)) != nil }
                    #expect(accepted == true, "\(action) offered to \(roles) on a \(state) case (\(ownership)) but refused")
                }
            }
        }
    }

    @Test func aSupervisorWhoReviewsWorksAsAReviewerAndAssignsAsASupervisor() {
        let both = Self.account([.reviewer, .supervisor])
        let access = CaseAccess()
        #expect(access.role(for: .decide, both) == .reviewer)
        #expect(access.role(for: .claim, both) == .reviewer)
        #expect(access.role(for: .assign, both) == .supervisor)
        #expect(access.role(for: .approve, both) == .supervisor)
        #expect(access.role(for: .approve, Self.account([.reviewer])) == nil)
        // A reviewer's release is the workflow's to refuse, in its own words.
        #expect(access.role(for: .release, Self.account([.reviewer])) == .reviewer)
        #expect(!access.availableActions(Self.record(.inReview, .mine), Self.account([.reviewer])).contains(.release))
        #expect(access.role(for: .note, Self.account([.auditor])) == nil)
        #expect(access.role(for: .writeToCitizen, Self.account([.auditor])) == nil)
    }
}
