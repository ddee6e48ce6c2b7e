import AppealsDomain
import Foundation
import Testing

@Suite("Deadlines are computed from the case's history")
struct DeadlineScheduleTests {
    let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "America/New_York")!, holidays: [day("2026-03-16")])
    let received = instant("2026-03-03T10:00:00-05:00")  // Tuesday

    func deadlines(_ history: [CaseHistoryEntry], policies: DeadlinePolicies = .defaults) -> [DeadlineKind: Deadline] {
        Dictionary(
            uniqueKeysWithValues: DeadlineSchedule.compute(
                receivedAt: received, history: history, policies: policies, calendar: calendar
            ).map { ($0.kind, $0) })
    }

    @Test func aNewCaseRunsAcknowledgementFirstReviewAndDecision() {
        let d = deadlines([])
        #expect(
            d[.acknowledgement]?.status
                == .running(
                    dueAt: instant("2026-03-05T18:00:00-05:00"), warnAt: instant("2026-03-04T08:00:00-05:00")))
        // 10 business days from Tue 3 March: the weekends and the holiday on Mon 16 March are skipped.
        #expect(d[.firstReview]?.explanation.due == day("2026-03-18"))
        #expect(d[.firstReview]?.explanation.skippedDays.count == 5)
        // Due at close of business in EDT after the spring change.
        #expect(d[.firstReview]?.dueAt == instant("2026-03-18T18:00:00-04:00"))
        // 56 calendar days from 3 March = 28 April, falling due at the end of that day.
        #expect(d[.decision]?.explanation.due == day("2026-04-28"))
        #expect(
            d[.decision]?.status
                == .running(
                    dueAt: instant("2026-04-29T00:00:00-04:00"), warnAt: instant("2026-04-24T08:00:00-04:00")))
        #expect(d[.informationResponse] == nil)
    }

    @Test func aPauseWhileAwaitingTheCitizenAddsItsDays() {
        let history = [
            CaseHistoryEntry(at: instant("2026-03-04T09:00:00-05:00"), event: .startReview, from: .submitted, to: .inReview),
            CaseHistoryEntry(at: instant("2026-03-05T15:00:00-05:00"), event: .requestInformation, from: .inReview, to: .awaitingCitizen),
            CaseHistoryEntry(at: instant("2026-03-11T09:00:00-04:00"), event: .citizenResponded, from: .awaitingCitizen, to: .inReview),
        ]
        let d = deadlines(history)
        // Paused 5–11 March: 6 calendar days.
        #expect(d[.decision]?.explanation.pausedDays == 6)
        #expect(d[.decision]?.explanation.due == day("2026-05-04"))
        #expect(d[.firstReview]?.status == .met(at: history[0].at))
        #expect(d[.informationResponse]?.status == .met(at: history[2].at))
    }

    @Test func aPauseOverAWeekendCountsOnlyItsBusinessDaysForBusinessDayClocks() {
        // Paused from Friday 6 March to Monday 9 March: 1 business day (the Friday).
        let history = [
            CaseHistoryEntry(at: instant("2026-03-06T11:00:00-05:00"), event: .requestInformation, from: .submitted, to: .awaitingCitizen),
            CaseHistoryEntry(at: instant("2026-03-09T11:00:00-04:00"), event: .citizenResponded, from: .awaitingCitizen, to: .inReview),
        ]
        let d = deadlines(history)
        #expect(d[.firstReview]?.explanation.pausedDays == 1)
        #expect(d[.firstReview]?.explanation.due == day("2026-03-19"))
        #expect(d[.decision]?.explanation.pausedDays == 3)
    }

    @Test func whileAwaitingTheCitizenTheSLAClocksStopAndTheAnswerClockRuns() {
        let asked = instant("2026-03-05T15:00:00-05:00")
        let d = deadlines([
            CaseHistoryEntry(at: instant("2026-03-04T09:00:00-05:00"), event: .startReview, from: .submitted, to: .inReview),
            CaseHistoryEntry(at: asked, event: .requestInformation, from: .inReview, to: .awaitingCitizen),
        ])
        #expect(d[.decision]?.status == .paused)
        #expect(d[.informationResponse]?.explanation.due == day("2026-03-19"))
        #expect(d[.informationResponse]?.status == .running(dueAt: instant("2026-03-20T00:00:00-04:00"), warnAt: nil))
    }

    @Test func withdrawingCancelsWhatWasNotMet() {
        let withdrawn = instant("2026-03-04T12:00:00-05:00")
        let d = deadlines([CaseHistoryEntry(at: withdrawn, event: .withdraw, from: .submitted, to: .withdrawn)])
        #expect(d[.decision]?.status == .cancelled(at: withdrawn))
        #expect(d[.firstReview]?.status == .cancelled(at: withdrawn))
    }

    @Test func aChangedPolicyReappliedGivesTheNewDueDate() {
        let longer = DeadlinePolicies(
            DeadlinePolicies.defaults.byKind.values.map { $0 } + [
                DeadlinePolicy(kind: .firstReview, length: 15, unit: .businessDays, warningBusinessDays: 2, version: 2)
            ])
        #expect(deadlines([])[.firstReview]?.explanation.due == day("2026-03-18"))
        let d = deadlines([], policies: longer)
        #expect(d[.firstReview]?.explanation.due == day("2026-03-25"))
        #expect(d[.firstReview]?.explanation.policy.version == 2)
    }

    @Test func aHolidayAddedLaterMovesTheDueDate() {
        var withHoliday = calendar
        withHoliday.holidays.insert(day("2026-03-17"))
        let d = DeadlineSchedule.compute(receivedAt: received, history: [], policies: .defaults, calendar: withHoliday)
        #expect(d.first { $0.kind == .firstReview }?.explanation.due == day("2026-03-19"))
    }

    @Test func filedAfterHoursOnAFridayCountsFromMonday() {
        let friday = instant("2026-03-06T19:00:00-05:00")
        let d = DeadlineSchedule.compute(receivedAt: friday, history: [], policies: .defaults, calendar: calendar)
        let ack = d.first { $0.kind == .acknowledgement }!
        #expect(ack.explanation.start == day("2026-03-09"))
        #expect(ack.explanation.arrivedOn == day("2026-03-06"))
        #expect(ack.explanation.due == day("2026-03-11"))
    }
}

@Suite("Case references are easy to read aloud and catch typing mistakes")
struct CaseReferenceTests {
    @Test func isNineCharactersInThreeGroupsWithoutConfusableCharacters() {
        for bits in [UInt64(0), 1, 42, 123_456_789, .max] {
            let reference = CaseReference(randomBits: bits)
            #expect(reference.value.count == 9)
            #expect(reference.grouped.count == 11)
            #expect(!reference.value.contains { "01OIL U".contains($0) })
            #expect(CaseReference(reference.grouped) == reference)
            #expect(CaseReference(reference.grouped.lowercased().replacingOccurrences(of: "-", with: " ")) == reference)
        }
    }

    @Test func everySingleCharacterMistakeIsDetected() {
        let reference = CaseReference(randomBits: 987_654_321)
        for position in 0..<9 {
            for replacement in CaseReference.alphabet where replacement != Array(reference.value)[position] {
                var chars = Array(reference.value)
                chars[position] = replacement
                #expect(CaseReference(String(chars)) == nil)
            }
        }
    }

    @Test func everySwapOfNeighboursIsDetected() {
        let reference = CaseReference(randomBits: 555_555_555_555)
        for position in 0..<8 {
            var chars = Array(reference.value)
            guard chars[position] != chars[position + 1] else { continue }
            chars.swapAt(position, position + 1)
            #expect(CaseReference(String(chars)) == nil)
        }
    }
}

@Suite("Routing and priority")
struct RoutingTests {
    let reviewers = [
        ReviewerLoad(id: StaffID("ana"), skills: [.disability], openCases: 12),
        ReviewerLoad(id: StaffID("ben"), skills: [], openCases: 3),
        ReviewerLoad(id: StaffID("cleo"), skills: [.disability, .language("es")], openCases: 12),
        ReviewerLoad(id: StaffID("dev"), skills: [.stolenVehicles, .disability], openCases: 1, available: false),
    ]

    @Test func skillsComeFromGroundsLanguageAndFleet() {
        #expect(
            Routing.skillsNeeded(grounds: [.vehicleStolen, .other], language: "ES", fleetSize: 8)
                == [.stolenVehicles, .language("es"), .commercialFleet])
        #expect(Routing.skillsNeeded(grounds: [.permitDisplayed]).isEmpty)
    }

    @Test func theLeastLoadedEligibleReviewerGetsTheCase() {
        #expect(Routing.assignee(needing: [], among: reviewers) == StaffID("ben"))
        #expect(Routing.assignee(needing: [.disability], among: reviewers) == StaffID("ana"))  // tie broken by id
        #expect(Routing.assignee(needing: [.disability, .language("es")], among: reviewers) == StaffID("cleo"))
    }

    @Test func withNobodyEligibleTheCaseWaitsInTheTeamQueue() {
        #expect(Routing.assignee(needing: [.stolenVehicles], among: reviewers) == nil)  // dev is away
    }

    @Test func priorityRisesForTowingRepeatContactsVulnerabilityAndANearDeadline() {
        let base = Priority.score(towed: false, contactCount: 0, vulnerable: false, escalated: false, daysToStatutoryDeadline: 40)
        #expect(base == 0)
        #expect(Priority.score(towed: true, contactCount: 0, vulnerable: false, escalated: false, daysToStatutoryDeadline: 40) > base)
        #expect(Priority.score(towed: false, contactCount: 2, vulnerable: false, escalated: false, daysToStatutoryDeadline: 40) > base)
        #expect(Priority.score(towed: false, contactCount: 1, vulnerable: false, escalated: false, daysToStatutoryDeadline: 40) == base)
        #expect(Priority.score(towed: false, contactCount: 0, vulnerable: true, escalated: false, daysToStatutoryDeadline: 40) > base)
        #expect(
            Priority.score(
                towed: false, contactCount: 0, vulnerable: false, escalated: false, daysToStatutoryDeadline: 40, messageWaiting: true)
                == base + 20)
        let near = Priority.score(towed: false, contactCount: 0, vulnerable: false, escalated: false, daysToStatutoryDeadline: 3)
        let nearish = Priority.score(towed: false, contactCount: 0, vulnerable: false, escalated: false, daysToStatutoryDeadline: 10)
        #expect(near > nearish && nearish > base)
    }
}
