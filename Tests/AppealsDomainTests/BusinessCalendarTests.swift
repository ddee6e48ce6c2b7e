import AppealsDomain
import Foundation
import Testing

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
func instant(_ text: String) -> Date { ISO8601Timestamp.parse(text)! }

@Suite("Business days in the authority's time zone")
struct BusinessCalendarTests {
    let newYork = BusinessCalendar(timeZone: TimeZone(identifier: "America/New_York")!)
    let london = BusinessCalendar(timeZone: TimeZone(identifier: "Europe/London")!)

    @Test func weekendsAreNotBusinessDays() {
        #expect(day("2026-03-06").isoWeekday == 5)  // Friday
        #expect(newYork.isBusinessDay(day("2026-03-06")))
        #expect(!newYork.isBusinessDay(day("2026-03-07")))
        #expect(!newYork.isBusinessDay(day("2026-03-08")))
    }

    @Test func addingBusinessDaysSkipsAFridayHolidayAndTheWeekend() {
        var calendar = newYork
        calendar.holidays = [day("2026-07-03")]  // Friday before Independence Day
        let (due, skipped) = calendar.adding(businessDays: 2, to: day("2026-07-02"))
        #expect(due == day("2026-07-07"))
        #expect(skipped.map(\.date) == [day("2026-07-03"), day("2026-07-04"), day("2026-07-05")])
        #expect(skipped.map(\.reason) == [.holiday, .nonWorkingDay, .nonWorkingDay])
    }

    @Test func addingBusinessDaysSkipsAMondayHoliday() {
        var calendar = newYork
        calendar.holidays = [day("2026-09-07")]  // Labor Day
        #expect(calendar.adding(businessDays: 1, to: day("2026-09-04")).date == day("2026-09-08"))
        #expect(calendar.subtracting(businessDays: 1, from: day("2026-09-08")) == day("2026-09-04"))
    }

    @Test func addingAcrossTheYearEnd() {
        var calendar = london
        calendar.holidays = [day("2026-12-25"), day("2026-12-28"), day("2027-01-01")]
        #expect(calendar.adding(businessDays: 3, to: day("2026-12-24")).date == day("2026-12-31"))
        #expect(calendar.adding(businessDays: 4, to: day("2026-12-24")).date == day("2027-01-04"))
    }

    @Test func filingDuringOfficeHoursCountsThatDay() {
        #expect(newYork.receiptDay(of: instant("2026-03-03T10:00:00-05:00")) == day("2026-03-03"))
    }

    @Test func filingAfterHoursCountsFromTheNextBusinessDay() {
        #expect(newYork.receiptDay(of: instant("2026-03-03T18:30:00-05:00")) == day("2026-03-04"))
        #expect(newYork.receiptDay(of: instant("2026-03-06T23:59:00-05:00")) == day("2026-03-09"))  // Friday night
    }

    @Test func filingOnAHolidayCountsFromTheNextBusinessDay() {
        var calendar = newYork
        calendar.holidays = [day("2026-05-25")]  // Memorial Day
        #expect(calendar.receiptDay(of: instant("2026-05-25T11:00:00-04:00")) == day("2026-05-26"))
    }

    @Test func theLocalDateIsTheAuthoritysNotUTCs() {
        // 03:30 UTC on the 4th is still the evening of the 3rd in New York.
        #expect(newYork.local(instant("2026-03-04T03:30:00Z")).date == day("2026-03-03"))
    }

    @Test func springForwardInNewYorkKeepsClosingTimeAtSixInTheEvening() {
        // 8 March 2026: clocks go from 02:00 to 03:00. Close of business on the Monday after is 18:00 EDT (UTC-4).
        #expect(newYork.instant(day("2026-03-09"), LocalTime(hour: 18)) == instant("2026-03-09T18:00:00-04:00"))
        #expect(newYork.instant(day("2026-03-06"), LocalTime(hour: 18)) == instant("2026-03-06T18:00:00-05:00"))
        // The day of the change is 23 hours long; its end is still midnight local time.
        #expect(newYork.startOfDay(day("2026-03-09")).timeIntervalSince(newYork.startOfDay(day("2026-03-08"))) == 23 * 3600)
    }

    @Test func aTimeInTheSpringGapMovesToTheNextValidTime() {
        #expect(newYork.instant(day("2026-03-08"), LocalTime(hour: 2, minute: 30)) == instant("2026-03-08T03:00:00-04:00"))
    }

    @Test func autumnBackInLondonKeepsDatesWhole() {
        // 25 October 2026: clocks go back from 02:00 BST to 01:00 GMT.
        #expect(london.instant(day("2026-10-26"), LocalTime(hour: 8)) == instant("2026-10-26T08:00:00Z"))
        #expect(london.instant(day("2026-10-23"), LocalTime(hour: 8)) == instant("2026-10-23T08:00:00+01:00"))
        #expect(london.startOfDay(day("2026-10-26")).timeIntervalSince(london.startOfDay(day("2026-10-25"))) == 25 * 3600)
        // The repeated hour resolves to its first occurrence.
        #expect(london.instant(day("2026-10-25"), LocalTime(hour: 1, minute: 30)) == instant("2026-10-25T01:30:00+01:00"))
        #expect(london.adding(businessDays: 1, to: day("2026-10-23")).date == day("2026-10-26"))
    }

    @Test func businessDaysBetweenCountsHalfOpen() {
        #expect(newYork.businessDays(from: day("2026-03-06"), to: day("2026-03-10")) == 2)  // Fri, Mon
        #expect(newYork.businessDays(from: day("2026-03-10"), to: day("2026-03-10")) == 0)
    }
}
