import AppealsDomain
import Foundation
import Testing

@Suite("Call back windows: the next business hours, in the authority's time zone")
struct CallbackWindowTests {
    static let calendar = BusinessCalendar(
        timeZone: TimeZone(identifier: "America/New_York")!, holidays: [LocalDate(year: 2026, month: 11, day: 26)!])

    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 11) -> Date {
        calendar.instant(LocalDate(year: 2026, month: month, day: day)!, LocalTime(hour: hour, minute: minute))
    }

    @Test func midMorningOffersThisAfternoonAndTheNextBusinessDay() {
        let ids = CallbackWindow.choices(at: Self.at(23, 10, 30), in: Self.calendar).map(\.id)
        #expect(ids == ["2026-11-23-afternoon", "2026-11-24-morning", "2026-11-24-afternoon"])
    }

    @Test func beforeOpeningBothOfTodaysWindowsAreOffered() {
        let ids = CallbackWindow.choices(at: Self.at(23, 7, 59), in: Self.calendar).map(\.id)
        #expect(ids == ["2026-11-23-morning", "2026-11-23-afternoon", "2026-11-24-morning", "2026-11-24-afternoon"])
    }

    @Test func theDayBeforeAHolidayOffersTheDayAfterItAndAWeekendOffersMonday() {
        #expect(CallbackWindow.choices(at: Self.at(25, 16), in: Self.calendar).map(\.id) == ["2026-11-27-morning", "2026-11-27-afternoon"])
        #expect(CallbackWindow.choices(at: Self.at(28, 11), in: Self.calendar).map(\.id) == ["2026-11-30-morning", "2026-11-30-afternoon"])
    }

    @Test func aWindowIsItsLocalHoursWhateverTheOffsetThatDay() {
        // 3 November is after the autumn change (UTC−5), 30 October before it (UTC−4).
        let autumn = CallbackWindow(day: LocalDate(year: 2026, month: 11, day: 3)!, part: .morning).interval(in: Self.calendar)
        #expect(autumn.start == Date(timeIntervalSince1970: 1_793_710_800))  // 08:00 EST = 13:00 UTC
        let summer = CallbackWindow(day: LocalDate(year: 2026, month: 10, day: 30)!, part: .afternoon).interval(in: Self.calendar)
        #expect(summer.start == Date(timeIntervalSince1970: 1_793_376_000))  // 12:00 EDT = 16:00 UTC
        #expect(summer.end.timeIntervalSince(summer.start) == 6 * 3_600)
    }

    @Test func anIdReadsBackAndNothingElseIsOne() {
        let window = CallbackWindow(day: LocalDate(year: 2026, month: 12, day: 7)!, part: .afternoon)
        #expect(CallbackWindow(id: window.id) == window)
        for bad in ["", "2026-12-07", "2026-12-07-evening", "2026-13-07-morning", "x-y-z-morning", "2026-12-07-morning-2"] {
            #expect(CallbackWindow(id: bad) == nil, "\(bad)")
        }
    }
}
