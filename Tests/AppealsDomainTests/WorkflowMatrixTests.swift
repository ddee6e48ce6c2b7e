import AppealsDomain
import Foundation
import Testing

/// The lifecycle of docs/DOMAIN.md written out as a table, independently of the implementation: for every event,
/// who may cause it and which state it leads to from each state it is allowed in.
let lifecycleSpec: [CaseEventKind: (roles: Set<Role>, moves: [CaseState: CaseState])] = {
    let undecided: [CaseState] = [.submitted, .inReview, .awaitingCitizen, .awaitingApproval]
    let stays = { (states: [CaseState]) in Dictionary(uniqueKeysWithValues: states.map { ($0, $0) }) }
    return [
        .startReview: ([.reviewer, .supervisor], [.submitted: .inReview]),
        .requestInformation: ([.reviewer, .supervisor], [.inReview: .awaitingCitizen]),
        .citizenResponded: ([.citizen, .phoneAgent, .clerk], [.awaitingCitizen: .inReview]),
        .informationTimedOut: ([.system], [.awaitingCitizen: .inReview]),
        .decide: ([.reviewer, .supervisor], [.inReview: .decided]),
        .approveDecision: ([.supervisor], [.awaitingApproval: .decided]),
        .returnDecision: ([.supervisor], [.awaitingApproval: .inReview]),
        .withdraw: ([.citizen, .phoneAgent, .clerk], Dictionary(uniqueKeysWithValues: undecided.map { ($0, .withdrawn) })),
        .requestHearing: ([.citizen, .phoneAgent, .clerk], [.decided: .hearingRequested]),
        .close: ([.supervisor, .system], [.decided: .closed, .hearingRequested: .closed]),
        .deemAccept: ([.system], Dictionary(uniqueKeysWithValues: undecided.map { ($0, .deemedAccepted) })),
        .assign: ([.supervisor, .system], stays(undecided)),
        .claim: ([.reviewer, .supervisor], stays([.submitted, .inReview, .awaitingCitizen])),
        .escalate: ([.system], stays(undecided)),
        .acknowledge: ([.system, .clerk], stays(undecided)),
    ]
}()

enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let reference = CaseReference(randomBits: 42)

    static func event(_ kind: CaseEventKind) -> CaseEvent {
        switch kind {
        case .file: fatalError("filing is not an event on an existing case")
        case .startReview: .startReview
        case .requestInformation: .requestInformation
        case .citizenResponded: .citizenResponded
        case .informationTimedOut: .informationTimedOut
        case .decide: .decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred))
        case .approveDecision: .approveDecision
        case .returnDecision: .returnDecision
        case .withdraw: .withdraw
        case .requestHearing: .requestHearing
        case .close: .close
        case .deemAccept: .deemAccept
        case .assign: .assign(StaffID("reviewer-9"))
        case .claim: .claim
        case .escalate: .escalate(.firstReview)
        case .acknowledge: .acknowledge
        }
    }

    static func actor(_ role: Role) -> Actor {
        Actor(
            role: role, staffID: role == .citizen || role == .system ? nil : StaffID("\(role.rawValue)-1"),
            startedOn: LocalDate(year: 2020, month: 1, day: 1))
    }

    /// A case in `state`; a decided case was upheld, and its letter served, a day ago when a hearing is asked for, a
    /// month ago otherwise.
    static func `case`(in state: CaseState, for kind: CaseEventKind, amount: Int = 6_500) -> Case {
        var c = Case(
            reference: reference, ticketNumber: TicketNumber("PCN1")!, ticketAmountCents: amount, towed: false,
            grounds: [.permitDisplayed], receivedAt: now.addingTimeInterval(-40 * 86_400), late: false, state: state,
            version: 3, stateChangedAt: now.addingTimeInterval(-86_400)
        )
        if state == .awaitingApproval {
            c.pendingDecision = PendingDecision(
                draft: DecisionDraft(outcome: .cancelled, reasonCode: .evidenceAccepted), proposedBy: StaffID("reviewer-2"),
                proposedAt: now.addingTimeInterval(-3600)
            )
        }
        if [.decided, .hearingRequested, .closed].contains(state) {
            let ago: Double = kind == .requestHearing ? 1 : 30
            c.decision = Workflow().served(
                Decision(
                    outcome: .upheld, amountDueCents: amount, reasonCode: .contraventionOccurred, decidedBy: StaffID("reviewer-2"),
                    approvedBy: nil, decidedAt: now.addingTimeInterval(-ago * 86_400)
                ), at: now.addingTimeInterval(-ago * 86_400))
        }
        return c
    }
}

@Suite("The whole (state, event, role) matrix behaves as docs/DOMAIN.md says")
struct WorkflowMatrixTests {
    static let combinations: [(CaseState, CaseEventKind, Role)] = CaseState.allCases.flatMap { state in
        CaseEventKind.allCases.filter { $0 != .file }.flatMap { event in Role.allCases.map { (state, event, $0) } }
    }

    @Test func theSpecCoversEveryEvent() {
        #expect(Set(lifecycleSpec.keys) == Set(CaseEventKind.allCases.filter { $0 != .file }))
        #expect(Self.combinations.count == 9 * 15 * 8)
    }

    @Test(arguments: combinations)
    func everyCombinationTransitionsOrFailsWithTheTypedError(state: CaseState, event: CaseEventKind, role: Role) throws {
        let spec = try #require(lifecycleSpec[event])
        let current = Fixture.case(in: state, for: event)
        let result = Result { () throws(WorkflowError) -> Transition in
            try Workflow().apply(
                Fixture.event(event), to: current, by: Fixture.actor(role), at: Fixture.now,
                statutoryDue: Fixture.now.addingTimeInterval(-3600))
        }
        if !spec.roles.contains(role) {
            #expect(throws: WorkflowError.notPermitted(role: role, event: event)) { try result.get() }
        } else if let target = spec.moves[state] {
            let transition = try result.get()
            #expect(transition.updated.state == target)
            #expect(transition.from == state)
            #expect(transition.updated.version == current.version + 1)
            #expect(transition.updated.stateChangedAt == (target == state ? current.stateChangedAt : Fixture.now))
        } else {
            #expect(throws: WorkflowError.invalidTransition(from: state, event: event, since: current.stateChangedAt)) {
                try result.get()
            }
        }
    }
}
