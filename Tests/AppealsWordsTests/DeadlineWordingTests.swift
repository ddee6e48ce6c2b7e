import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Testing

@Suite("Every computed date explains how it was computed")
struct DeadlineWordingTests {
    let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "America/New_York")!, holidays: [LocalDate(iso: "2026-03-16")!])

    func schedule(_ history: [CaseHistoryEntry], received: String = "2026-03-03T10:00:00-05:00") -> [DeadlineKind: Deadline] {
        Dictionary(
            uniqueKeysWithValues: DeadlineSchedule.compute(
                receivedAt: ISO8601Timestamp.parse(received)!, history: history, policies: .defaults, calendar: calendar
            ).map { ($0.kind, $0) })
    }

    @Test func aPausedStatutoryDeadlineSaysSo() {
        let d = schedule([
            CaseHistoryEntry(
                at: ISO8601Timestamp.parse("2026-03-05T15:00:00-05:00")!, event: .requestInformation, from: .inReview, to: .awaitingCitizen),
            CaseHistoryEntry(
                at: ISO8601Timestamp.parse("2026-03-11T09:00:00-04:00")!, event: .citizenResponded, from: .awaitingCitizen, to: .inReview),
        ])
        #expect(
            DeadlineWording.explain(d[.decision]!.explanation)
                == "56 calendar days from 3 March, plus 6 days paused while awaiting the citizen = 4 May")
    }

    @Test func aBusinessDayDeadlineNamesTheHolidaysItSkipped() {
        #expect(
            DeadlineWording.explain(schedule([])[.firstReview]!.explanation)
                == "10 business days from 3 March, skipping the holiday on 16 March = 18 March")
    }

    @Test func anAfterHoursFilingSaysWhenItCountedFrom() {
        let d = schedule([], received: "2026-03-06T19:00:00-05:00")
        #expect(
            DeadlineWording.explain(d[.acknowledgement]!.explanation)
                == "2 business days from 9 March (received 6 March after hours or on a closed day) = 11 March")
    }
}

@Suite("The holiday file")
struct HolidayFileTests {
    @Test func readsGoodLinesAndReportsBadOnes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID().uuidString).csv")
        try "day,name\n2026-12-25,Christmas Day\n2026-02-30,Nonsense\n2027-01-01,\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try HolidayFile.read(path: url.path)
        #expect(result.holidays.map(\.day) == [LocalDate(iso: "2026-12-25")!, LocalDate(iso: "2027-01-01")!])
        #expect(result.holidays.map(\.name) == ["Christmas Day", "Holiday"])
        #expect(result.problems == [.notADate(line: 3, value: "2026-02-30")])
        #expect(result.problems.map { TicketImportMessages.text(for: $0) } == ["line 3: \"2026-02-30\" is not a date (YYYY-MM-DD)"])
    }
}

@Suite("A refused action is told in plain words")
struct WorkflowMessagesTests {
    let zone = TimeZone(identifier: "America/New_York")!

    @Test func withdrawingADecidedCaseSaysWhenItWasDecided() {
        let error = WorkflowError.invalidTransition(
            from: .decided, event: .withdraw, since: ISO8601Timestamp.parse("2026-05-03T15:00:00Z")!)
        #expect(WorkflowMessages.text(for: error, timeZone: zone) == "This case was decided on 3 May; it can no longer be withdrawn.")
    }

    @Test func everyErrorHasWords() {
        let at = ISO8601Timestamp.parse("2026-05-03T15:00:00Z")!
        var errors: [WorkflowError] = [
            .selfApproval, .hearingWindowClosed(closedAt: at), .hearingOnlyAfterUpheld(outcome: .cancelled),
            .hearingWindowOpen(until: at), .reducedAmountInvalid(ticketAmountCents: 6_500), .reasonMissing,
            .statutoryDeadlineNotPassed(due: at), .alreadyAssigned(to: StaffID("ana")), .staffIdentityMissing, .decisionNotServed,
        ]
        for state in CaseState.allCases {
            for event in CaseEventKind.allCases {
                errors.append(.invalidTransition(from: state, event: event, since: at))
                errors.append(.notPermitted(role: .auditor, event: event))
            }
        }
        for error in errors {
            let text = WorkflowMessages.text(for: error, timeZone: zone)
            #expect(text.hasSuffix(".") && !text.contains("_"), "\(error): \(text)")
        }
        #expect(
            WorkflowMessages.text(for: .reducedAmountInvalid(ticketAmountCents: 6_500), timeZone: zone)
                == "A reduced amount must be more than $0.00 and less than the ticket's $65.00.")
    }
}
