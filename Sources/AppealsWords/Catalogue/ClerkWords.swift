import AppealsServices

/// The print room's words: notices, field errors, ages, and the statuses and return reasons it shows.
public enum ClerkWords: String, MessageKey, CaseIterable {
    case cutoffInvalid, markedPrinted, alreadyPrinted, postedOnInvalid, markedPosted, notPrintedOrPosted
    case lessThanAnHour, oneHour, hours, days
    case returnNotKnown, returnMoved, returnInsufficientAddress, returnRefused, returnOther
    case letterQueued, letterReady, letterBatched, letterPrinted, letterPosted, letterReturned, letterFailed, letterCancelled
    case batchCreating, batchReady, batchPrinted, batchPosted

    public var key: String { "clerk." + rawValue }

    public var english: String {
        switch self {
        case .cutoffInvalid: "Enter the cut-off as a date and time, for example 4 December 2026 at 14:30"
        case .markedPrinted: "Batch marked printed. Mark it posted when it goes in the mail."
        case .alreadyPrinted: "This batch was already marked printed."
        case .postedOnInvalid: "Enter the day the letters went in the mail: today or a day since the batch was made"
        case .markedPosted: "Batch marked posted on {day}."
        case .notPrintedOrPosted: "This batch is not printed yet, or was already posted."
        case .lessThanAnHour: "less than an hour"
        case .oneHour: "1 hour"
        case .hours: "{count} hours"
        case .days: "{count} days"
        case .returnNotKnown: "Not known at this address"
        case .returnMoved: "Moved, no forwarding address"
        case .returnInsufficientAddress: "Address incomplete or wrong"
        case .returnRefused: "Refused by the addressee"
        case .returnOther: "Another reason"
        case .letterQueued: "Being produced"
        case .letterReady: "Waiting to print"
        case .letterBatched: "In a batch, not printed yet"
        case .letterPrinted, .batchPrinted: "Printed, not posted yet"
        case .letterPosted, .batchPosted: "Posted"
        case .letterReturned: "Returned undelivered"
        case .letterFailed: "Could not be produced"
        case .letterCancelled: "Not needed"
        case .batchCreating: "Being made"
        case .batchReady: "Ready to print"
        }
    }
}
