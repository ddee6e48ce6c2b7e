import AppealsServices

/// The words of the dashboard and its monthly report (staff pages, in English).
public enum DashboardWords: String, MessageKey, CaseIterable {
    case receivedTitle, receivedExplain, receivedChart, receivedChartExplain, channel, allChannels, deadlinesTitle
    case deadlinesExplain, deadlinesChart, deadlinesChartExplain, deadline, onTimeThisPeriod, onTimePreviousPeriod, metOnTime
    case metLate, missedStillOpen, median, percentile90, timeTitle, timeExplain, timeChartExplain, measure, decisionsMade
    case backlogTitle, backlogExplain, backlogChart, backlogChartExplain, age, atEndOfThisPeriod, atEndOfPreviousPeriod, allOpen
    case openNowTitle, openNowExplain, state, all, outcomesTitle, outcomesExplain, outcomesChartExplain, outcome, byGroundTitle
    case byGroundExplain, ground, byReviewerTitle, byReviewerExplain, reviewer, cancelled, reduced, upheld, deemedAccepted
    case withdrawn, phoneTitle, phoneExplain, phoneChart, phoneChartExplain, resolvedOnTheCall, repeatContacts, callsLogged
    case noCalls, printed, posted, returnedUndelivered, lettersTitle, lettersExplain, lettersChart, lettersChartExplain
    case thisPeriod, previousPeriod, appealsReceived, onTheWeb, byPhone, byPost, acknowledgement, firstReview, decisionStatutory
    case resolvedOnFirstCall, calls, openAppeals, atEndOfMonth, appealsConcluded, deadlineMetOnTime, deadlineMetLate
    case deadlineMissed, appealsCalledAbout, appealsResolvedOnCall, appealsNotResolvedOnCall, appealsCalledAgain
    case appealsLetterPrinted, appealsLetterPosted, appealsLetterReturned, appealsOpenAtEnd, appealsOpenNow
    case ageRange, ageOver, toAfterToday, decisionsBy, periodTooLong, span, shareOfCalls, percentOf, daysShort
    case messagesTitle, messagesExplain, messagesByEmail, messagesByText, firstReplyMedian, messagesUnanswered, callbacksOnTime
    case callbacksLate, callbacksNotKept, hoursShort

    public var key: String { "dashboard." + rawValue }

    public var english: String {
        switch self {
        case .receivedTitle: "Appeals received, by channel"
        case .receivedExplain: "Appeals filed on the web, taken by phone agents for callers, and entered from letters by clerks."
        case .receivedChart: "Appeals received by channel"
        case .receivedChartExplain: "This period beside the previous period, for each channel."
        case .channel: "Channel"
        case .allChannels: "All channels"
        case .deadlinesTitle: "Deadlines met on time"
        case .deadlinesExplain:
            "Deadlines met in the period, by their due time or after it, and deadlines that fell due in the period and are still open past it."
        case .deadlinesChart: "Deadlines met on time, per deadline"
        case .deadlinesChartExplain: "The share met on time, this period beside the previous period."
        case .deadline: "Deadline"
        case .onTimeThisPeriod: "On time, this period"
        case .onTimePreviousPeriod: "On time, previous period"
        case .metOnTime: "Met on time"
        case .metLate: "Met late"
        case .missedStillOpen: "Missed (still open)"
        case .median: "Median"
        case .percentile90: "90th percentile"
        case .timeTitle: "Time to decision"
        case .timeExplain:
            "From receipt to a reviewer’s decision, for the decisions made in the period (time waiting for the citizen included; deemed acceptances and withdrawals not)."
        case .timeChartExplain: "Median and 90th percentile in days, this period beside the previous period."
        case .measure: "Measure"
        case .decisionsMade: "Decisions made"
        case .backlogTitle: "Open appeals, by age"
        case .backlogExplain:
            "Appeals not yet decided, withdrawn or deemed accepted at the end of each period, by the days since they were received."
        case .backlogChart: "Open appeals by age"
        case .backlogChartExplain: "At the end of this period beside the end of the previous period."
        case .age: "Age"
        case .atEndOfThisPeriod: "At the end of this period"
        case .atEndOfPreviousPeriod: "At the end of the previous period"
        case .allOpen: "All open"
        case .openNowTitle: "Open appeals now, by state and age"
        case .openNowExplain: "Where the open appeals stand today."
        case .state: "State"
        case .all: "All"
        case .outcomesTitle: "Outcomes"
        case .outcomesExplain: "How the appeals concluded in the period ended. The target for deemed acceptances is zero."
        case .outcomesChartExplain: "Appeals concluded each way, this period beside the previous period."
        case .outcome: "Outcome"
        case .byGroundTitle: "Outcomes by ground, this period"
        case .byGroundExplain: "An appeal on more than one ground counts under each."
        case .ground: "Ground"
        case .byReviewerTitle: "Decisions by reviewer, this period"
        case .byReviewerExplain: "Each reviewer’s decisions that took effect."
        case .reviewer: "Reviewer"
        case .cancelled: "Cancelled"
        case .reduced: "Reduced"
        case .upheld: "Upheld"
        case .deemedAccepted: "Deemed accepted"
        case .withdrawn: "Withdrawn"
        case .phoneTitle: "Phone enquiries"
        case .phoneExplain:
            "Calls logged by phone agents. First-contact resolution: the share resolved on the call. Repeat contacts: the share about a case the citizen had called about before."
        case .phoneChart: "First-contact resolution and repeat contacts"
        case .phoneChartExplain: "Shares of the calls logged, this period beside the previous period."
        case .resolvedOnTheCall: "Resolved on the call"
        case .repeatContacts: "Repeat contacts"
        case .callsLogged: "Calls logged"
        case .noCalls: "No calls"
        case .printed: "Printed"
        case .posted: "Posted"
        case .returnedUndelivered: "Returned undelivered"
        case .lettersTitle: "Letters"
        case .lettersExplain: "Letters in print batches marked printed, letters posted, and letters returned."
        case .lettersChart: "Letters printed, posted and returned"
        case .lettersChartExplain: "This period beside the previous period."
        case .thisPeriod: "This period"
        case .previousPeriod: "Previous period"
        case .appealsReceived: "Appeals received"
        case .onTheWeb: "On the web"
        case .byPhone: "By phone"
        case .byPost: "By post"
        case .acknowledgement: "Acknowledgement"
        case .firstReview: "First review"
        case .decisionStatutory: "Decision (statutory)"
        case .resolvedOnFirstCall: "Resolved on the first call"
        case .calls: "Calls"
        case .openAppeals: "Open appeals"
        case .atEndOfMonth: "At the end of the month"
        case .appealsConcluded: "Appeals concluded"
        case .deadlineMetOnTime: "Deadline met on time"
        case .deadlineMetLate: "Deadline met late"
        case .deadlineMissed: "Deadline missed, still open"
        case .appealsCalledAbout: "Appeals called about"
        case .appealsResolvedOnCall: "Appeals with a call resolved on the call"
        case .appealsNotResolvedOnCall: "Appeals with a call not resolved on the call"
        case .appealsCalledAgain: "Appeals called about again"
        case .appealsLetterPrinted: "Appeals with a letter printed"
        case .appealsLetterPosted: "Appeals with a letter posted"
        case .appealsLetterReturned: "Appeals with a letter returned undelivered"
        case .appealsOpenAtEnd: "Appeals open at the end of the period"
        case .appealsOpenNow: "Appeals open now"
        case .toAfterToday: "The last day cannot be after today"
        case .ageRange: "{from}–{to} days"
        case .ageOver: "over {days} days"
        case .decisionsBy: "Decisions by {reviewer}"
        case .periodTooLong: "Choose at most {days} days (about three years)"
        case .span: "{from} to {to} ({days} days)"
        case .shareOfCalls: "{percent} ({count})"
        case .percentOf: "{percent} of {total}"
        case .daysShort: "{days} days"
        case .messagesTitle: "Messages and calls back"
        case .messagesExplain:
            "Messages citizens sent us by e-mail or text (not automatic replies), how soon staff first wrote or spoke to them after each, and the calls back whose window ended in the period. These counts do not open a list of cases."
        case .messagesByEmail: "Messages received by e-mail"
        case .messagesByText: "Messages received by text"
        case .firstReplyMedian: "Time to first reply (median)"
        case .messagesUnanswered: "Messages not answered yet"
        case .callbacksOnTime: "Calls back made within their window"
        case .callbacksLate: "Calls back made after their window"
        case .callbacksNotKept: "Calls back not made"
        case .hoursShort: "{hours} h"
        }
    }
}
