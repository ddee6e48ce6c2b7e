import AppealsServices

/// The case page's and the team page's words that the code puts together: deadlines' standing, the timeline's
/// pages, letters and messages that went wrong, the hearing form's problems.
public enum CaseWords: String, MessageKey, CaseIterable {
    case timelineEntries, overdueSince, due, paused, met, noLongerApplies
    case letterStatusOn, letterWhy, onePage, pages, returnedMail, acknowledgementFailed, acknowledgementMessageFailed
    case couldNotBeProduced, returnedUndelivered, couldNotBeSent, pixels
    case hearingDayMissing, hearingInPast, hearingTooFar, hearingTimeInvalid, hearingPlaceMissing, hearingPlaceTooLong

    public var key: String { "case." + rawValue }

    public var english: String {
        switch self {
        case .timelineEntries: "Entries {first} to {last} of {count}, newest first"
        case .overdueSince: "Overdue since {day}"
        case .due: "Due {day}"
        case .paused: "Paused while we wait for the citizen"
        case .met: "Met {day}"
        case .noLongerApplies: "No longer applies (since {day})"
        case .letterStatusOn: "{status} on {day}"
        case .letterWhy: "{status}: {why}"
        case .onePage: "1 page"
        case .pages: "{count} pages"
        case .returnedMail: "A letter came back undelivered: {reason}"
        case .acknowledgementFailed: "The acknowledgement could not be sent: {problem}"
        case .acknowledgementMessageFailed: "The acknowledgement message could not be sent ({problem}), so it goes by letter instead"
        case .couldNotBeProduced: "Could not be produced: {problem}"
        case .returnedUndelivered: "Returned undelivered: {reason}"
        case .couldNotBeSent: "Could not be sent: {problem}"
        case .pixels: "{width} × {height} px"
        case .hearingDayMissing: "Enter the day of the hearing"
        case .hearingInPast: "The hearing must be after now"
        case .hearingTooFar: "The hearing must be within a year"
        case .hearingTimeInvalid: "Enter the time as hours and minutes, for example 10:30"
        case .hearingPlaceMissing: "Enter where the hearing takes place"
        case .hearingPlaceTooLong: "The place must be at most 200 characters"
        }
    }
}
