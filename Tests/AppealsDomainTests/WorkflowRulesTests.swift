import AppealsDomain
import Foundation
import Testing

@Suite("Workflow rules beyond the matrix: four eyes, hearings, deemed acceptance, effects")
struct WorkflowRulesTests {
    let workflow = Workflow(policy: WorkflowPolicy(approvalAboveCents: 15_000, newReviewerDays: 30, hearingWindowDays: 21))
    let reviewer = Actor(role: .reviewer, staffID: StaffID("rev-1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
    let newReviewer = Actor(role: .reviewer, staffID: StaffID("rev-new"), startedOn: LocalDate(year: 2026, month: 5, day: 20))
    let supervisor = Actor(role: .supervisor, staffID: StaffID("sup-1"))
    let now = Fixture.now

    @Test func aDecisionOnAnOrdinaryTicketTakesEffectAtOnce() throws {
        let t = try workflow.apply(
            .decide(DecisionDraft(outcome: .cancelled, reasonCode: .evidenceAccepted)),
            to: Fixture.case(in: .inReview, for: .decide), by: reviewer, at: now)
        #expect(t.updated.state == .decided)
        #expect(t.updated.decision?.amountDueCents == 0)
        #expect(
            t.effects == [.recomputeDeadlines, .cancelTicket, .releasePenaltyHold, .queueLetter(.decision), .notify(.citizen, .decided)])
    }

    @Test func aDecisionAboveTheThresholdWaitsForASupervisor() throws {
        let t = try workflow.apply(
            .decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)),
            to: Fixture.case(in: .inReview, for: .decide, amount: 20_000), by: reviewer, at: now)
        #expect(t.updated.state == .awaitingApproval)
        #expect(t.updated.pendingDecision?.proposedBy == StaffID("rev-1"))
        #expect(t.updated.decision == nil)
        #expect(t.effects == [.notify(.supervisors, .approvalNeeded)])
    }

    @Test func aNewReviewersCancellationWaitsForASupervisorButTheirUpholdDoesNot() throws {
        let c = Fixture.case(in: .inReview, for: .decide)
        let cancel = try workflow.apply(
            .decide(DecisionDraft(outcome: .cancelled, reasonCode: .evidenceAccepted)), to: c, by: newReviewer, at: now)
        #expect(cancel.updated.state == .awaitingApproval)
        let uphold = try workflow.apply(
            .decide(DecisionDraft(outcome: .upheld, reasonCode: .evidenceAccepted)), to: c, by: newReviewer, at: now)
        #expect(uphold.updated.state == .decided)
    }

    @Test func theDeciderCannotApproveTheirOwnDecision() throws {
        let pending = try workflow.apply(
            .decide(DecisionDraft(outcome: .upheld, reasonCode: .evidenceAccepted)),
            to: Fixture.case(in: .inReview, for: .decide, amount: 20_000), by: supervisor, at: now)
        #expect(throws: WorkflowError.selfApproval) {
            try workflow.apply(.approveDecision, to: pending.updated, by: supervisor, at: now)
        }
        let other = Actor(role: .supervisor, staffID: StaffID("sup-2"))
        let approved = try workflow.apply(.approveDecision, to: pending.updated, by: other, at: now)
        #expect(approved.updated.decision?.approvedBy == StaffID("sup-2"))
        #expect(approved.updated.decision?.decidedBy == StaffID("sup-1"))
    }

    @Test func aReducedAmountMustBeBetweenZeroAndTheTicketsAmount() {
        for amount in [nil, 0, 6_500, 9_000] as [Int?] {
            #expect(throws: WorkflowError.reducedAmountInvalid(ticketAmountCents: 6_500)) {
                try workflow.apply(
                    .decide(DecisionDraft(outcome: .reduced, reducedAmountCents: amount, reasonCode: .evidenceAccepted)),
                    to: Fixture.case(in: .inReview, for: .decide), by: reviewer, at: now)
            }
        }
    }

    @Test func aDecisionNeedsAReason() {
        #expect(throws: WorkflowError.reasonMissing) {
            try workflow.apply(
                .decide(DecisionDraft(outcome: .upheld, reasonCode: nil)),
                to: Fixture.case(in: .inReview, for: .decide), by: reviewer, at: now)
        }
    }

    @Test func aHearingCanBeRequestedOnlyWithinTheWindowAfterAnUpheldDecision() throws {
        let decidedYesterday = Fixture.case(in: .decided, for: .requestHearing)
        #expect(try workflow.apply(.requestHearing, to: decidedYesterday, by: .citizen, at: now).updated.state == .hearingRequested)
        let lateRequest = now.addingTimeInterval(21 * 86_400)
        #expect(throws: WorkflowError.hearingWindowClosed(closedAt: decidedYesterday.decision!.decidedAt.addingTimeInterval(21 * 86_400))) {
            try workflow.apply(.requestHearing, to: decidedYesterday, by: .citizen, at: lateRequest)
        }
        // Before its letter is served the window has not started: a request a month on is still in time.
        var unserved = decidedYesterday
        unserved.decision?.servedAt = nil
        #expect(try workflow.apply(.requestHearing, to: unserved, by: .citizen, at: lateRequest).updated.state == .hearingRequested)
        var cancelled = decidedYesterday
        cancelled.decision = Decision(
            outcome: .cancelled, amountDueCents: 0, reasonCode: .evidenceAccepted, decidedBy: nil, approvedBy: nil, decidedAt: now)
        #expect(throws: WorkflowError.hearingOnlyAfterUpheld(outcome: .cancelled)) {
            try workflow.apply(.requestHearing, to: cancelled, by: .citizen, at: now)
        }
    }

    @Test func anUpheldCaseStaysOpenForAHearingUntilTheWindowAfterItsLetterIsServedCloses() throws {
        let decidedYesterday = Fixture.case(in: .decided, for: .requestHearing)
        let end = decidedYesterday.decision!.servedAt!.addingTimeInterval(21 * 86_400)
        #expect(decidedYesterday.decision?.closesAt == end)
        #expect(throws: WorkflowError.hearingWindowOpen(until: end)) {
            try workflow.apply(.close, to: decidedYesterday, by: .system, at: now)
        }
        #expect(try workflow.apply(.close, to: decidedYesterday, by: .system, at: end).updated.state == .closed)
        var unserved = decidedYesterday
        unserved.decision?.servedAt = nil
        #expect(throws: WorkflowError.decisionNotServed) {
            try workflow.apply(.close, to: unserved, by: .system, at: end.addingTimeInterval(365 * 86_400))
        }
        // A decision with nothing to contest closes once its letter is served.
        let cancelled = workflow.served(
            Decision(
                outcome: .cancelled, amountDueCents: 0, reasonCode: .evidenceAccepted, decidedBy: nil, approvedBy: nil, decidedAt: now),
            at: now)
        #expect(cancelled.closesAt == now)
    }

    @Test func aCaseIsDeemedAcceptedOnlyOnceTheStatutoryDeadlineHasPassed() throws {
        let c = Fixture.case(in: .inReview, for: .deemAccept)
        #expect(throws: WorkflowError.statutoryDeadlineNotPassed(due: now.addingTimeInterval(60))) {
            try workflow.apply(.deemAccept, to: c, by: .system, at: now, statutoryDue: now.addingTimeInterval(60))
        }
        let t = try workflow.apply(.deemAccept, to: c, by: .system, at: now, statutoryDue: now)
        #expect(t.updated.decision?.outcome == .cancelled)
        #expect(t.effects.contains(.cancelTicket))
        #expect(t.effects.contains(.queueLetter(.deemedAcceptance)))
    }

    @Test func aWithdrawalAfterTheDecisionSaysWhenItWasDecided() {
        let decided = Fixture.case(in: .decided, for: .withdraw)
        #expect(throws: WorkflowError.invalidTransition(from: .decided, event: .withdraw, since: decided.stateChangedAt)) {
            try workflow.apply(.withdraw, to: decided, by: .citizen, at: now)
        }
    }

    @Test func aReviewerCannotClaimAnotherReviewersCase() {
        var c = Fixture.case(in: .inReview, for: .claim)
        c.assignee = StaffID("rev-2")
        #expect(throws: WorkflowError.alreadyAssigned(to: StaffID("rev-2"))) {
            try workflow.apply(.claim, to: c, by: reviewer, at: now)
        }
    }

    @Test func escalationMovesTheCaseToTheSupervisorQueue() throws {
        let t = try workflow.apply(.escalate(.firstReview), to: Fixture.case(in: .submitted, for: .escalate), by: .system, at: now)
        #expect(t.updated.queue == .supervisor)
        #expect(t.updated.escalated)
    }
}
