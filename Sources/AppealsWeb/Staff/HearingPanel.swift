import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The requested hearing on the case page: its date and place once set, and for supervisors the form that sets
/// them (the hearing notice goes with it), with what was typed and each problem next to its field.
struct HearingPanel: Sendable, Encodable {
    var scheduled: String?
    var canSchedule = false
    var day = ""
    var time = "10:00"
    var place = ""
    var dayError: String?
    var timeError: String?
    var placeError: String?
    var hasErrors = false

    init(current: Hearing?, canSchedule: Bool, calendar: BusinessCalendar) {
        self.canSchedule = canSchedule
        scheduled = current.map { "\(LongDate.moment($0.startsAt, calendar)), \($0.place)" }
        if let current {
            let local = calendar.local(current.startsAt)
            day = local.date.description
            time = String(format: "%02d:%02d", local.time.minutesSinceMidnight / 60, local.time.minutesSinceMidnight % 60)
            place = current.place
        }
    }

    /// The form as typed, with its problems.
    mutating func show(day: String, time: String, place: String, problems: [ScheduleHearing.Problem]) {
        (self.day, self.time, self.place) = (day, time, place)
        for problem in problems {
            switch problem {
            case .notRequested: break
            case .dateMissing: dayError = Catalogue.english(CaseWords.hearingDayMissing)
            case .dateInPast: dayError = Catalogue.english(CaseWords.hearingInPast)
            case .dateTooFar: dayError = Catalogue.english(CaseWords.hearingTooFar)
            case .timeInvalid: timeError = Catalogue.english(CaseWords.hearingTimeInvalid)
            case .placeMissing: placeError = Catalogue.english(CaseWords.hearingPlaceMissing)
            case .placeTooLong: placeError = Catalogue.english(CaseWords.hearingPlaceTooLong)
            }
        }
        hasErrors = !problems.isEmpty
    }
}

/// "Set the hearing": the day (`date`), time (`time`) and place.
struct HearingForm: WebForm {
    let day: String?
    let time: String?
    let place: String?
}
