import AppealsDomain

/// The sentences the services write into the record (the timeline's entries, skipped messages, letters that could
/// not be made, audit reasons). The record keeps a sentence as it was written when it happened, in English, the
/// authority's working language, so a later change of words never rewrites history: these are read with
/// `inEnglish`, not through a language's catalogue.
public enum RecordWords: String, MessageKey, CaseIterable {
    case letterAcknowledgement, letterRequestForInformation, letterDecision, letterDeemedAcceptance, letterHearingNotice, letterMessage
    case messageAcknowledgement, messageInformationRequested, messageCitizenResponded, messageInformationTimedOut
    case messageDecided, messageApprovalNeeded, messageDecisionApproved, messageDecisionReturned, messageWithdrawn
    case messageHearingRequested, messageDeemedAccepted, messageAssigned, messageDeadlineWarning, messageDeadlineBreached,
        messageFromStaff, messageCallbackBooked, messageCallbackMissed, messageUnmatchedAnswer
    case messageSent, messageNotSent, messageReturned, textNotDelivered, textsStopped, textsStarted, callbackBooked, callbackMissed,
        acknowledgementSent,
        acknowledgementSentBy, byEmail,
        byText,
        acknowledgementLetterPosted
    case skippedNoContact, skippedPostChosen, skippedNoCase, skippedAcknowledged
    case letterNoAddress, letterAddressIncomplete, letterAcknowledgedAlready, letterAddressDoesNotFitWindow
    case deadlinePassed, heldForMinimumReview, hearingWindowPassed, atCitizensRequest, holiday

    public var key: String { "record." + rawValue }

    public var english: String {
        switch self {
        case .letterAcknowledgement: "Acknowledgement letter"
        case .letterRequestForInformation, .messageInformationRequested: "Request for information"
        case .letterDecision: "Decision letter"
        case .letterDeemedAcceptance: "Deemed acceptance letter"
        case .letterHearingNotice: "Hearing notice"
        case .letterMessage: "Letter with a message from staff"
        case .messageFromStaff: "Message from staff"
        case .messageAcknowledgement: "Acknowledgement"
        case .messageCitizenResponded: "Answer received"
        case .messageInformationTimedOut: "No answer in time"
        case .messageDecided: "Decision"
        case .messageApprovalNeeded: "Approval needed"
        case .messageDecisionApproved: "Decision approved"
        case .messageDecisionReturned: "Decision returned"
        case .messageWithdrawn: "Withdrawal confirmed"
        case .messageHearingRequested: "Hearing requested"
        case .messageDeemedAccepted: "Deemed acceptance"
        case .messageAssigned: "Case assigned"
        case .messageDeadlineWarning: "Deadline warning"
        case .messageDeadlineBreached: "Deadline breached"
        case .messageSent: "{message} sent to {address}"
        case .messageNotSent: "{message} to {address} could not be sent: {detail}"
        case .messageReturned: "Email returned undelivered by the citizen's mail server: {detail}"
        case .textNotDelivered: "The phone network could not deliver the text (provider error {code})"
        case .textsStopped: "The citizen texted STOP to this number: no more texts."
        case .textsStarted: "The citizen texted START to this number: texts again."
        case .callbackBooked: "Call back on {phone}, {window}: {reason}"
        case .callbackMissed: "Nobody called back on {phone} in the window {window}"
        case .messageCallbackBooked: "Call back booked"
        case .messageCallbackMissed: "Call back missed"
        case .messageUnmatchedAnswer: "Answer to an unmatched message"
        case .acknowledgementSent: "Acknowledgement sent"
        case .acknowledgementSentBy: "Acknowledgement sent by {channel}"
        case .byEmail: "email"
        case .byText: "text message"
        case .acknowledgementLetterPosted: "Acknowledgement letter posted"
        case .skippedNoContact: "The case has no contact details."
        case .skippedPostChosen: "The citizen chose the post: the letter says it."
        case .skippedNoCase: "The case no longer exists."
        case .skippedAcknowledged: "Not needed: the case was acknowledged already."
        case .letterNoAddress: "The case has no postal address to write to."
        case .letterAddressIncomplete:
            "The address on the case is not in the parts the post needs (street, city, state and ZIP code). Correct it on the case."
        case .letterAcknowledgedAlready: "the case was acknowledged already."
        case .letterAddressDoesNotFitWindow:
            "The name and address ({lines} lines) do not fit the envelope's window even in small print. "
                + "Shorten the address on the case (each line as the post needs it)."
        case .deadlinePassed: "{deadline} deadline passed"
        case .heldForMinimumReview: " (the statutory date counted from receipt has passed; held for the minimum review after entry)"
        case .hearingWindowPassed: "the time to ask for a hearing passed"
        case .atCitizensRequest: "at the citizen's request"
        case .holiday: "Holiday"
        }
    }

    /// A letter kind's name, as the timeline, the print room and the manifest say it.
    public static func name(_ kind: LetterKind) -> String {
        switch kind {
        case .acknowledgement: letterAcknowledgement.english
        case .requestForInformation: letterRequestForInformation.english
        case .decision: letterDecision.english
        case .deemedAcceptance: letterDeemedAcceptance.english
        case .hearingNotice: letterHearingNotice.english
        case .message: letterMessage.english
        }
    }

    /// A message kind's name, as the timeline says it ("Acknowledgement sent to l…@example.com").
    public static func name(_ kind: NotificationKind) -> String {
        switch kind {
        case .acknowledgement: messageAcknowledgement.english
        case .informationRequested: messageInformationRequested.english
        case .citizenResponded: messageCitizenResponded.english
        case .informationTimedOut: messageInformationTimedOut.english
        case .decided: messageDecided.english
        case .approvalNeeded: messageApprovalNeeded.english
        case .decisionApproved: messageDecisionApproved.english
        case .decisionReturned: messageDecisionReturned.english
        case .withdrawn: messageWithdrawn.english
        case .hearingRequested: messageHearingRequested.english
        case .deemedAccepted: messageDeemedAccepted.english
        case .assigned: messageAssigned.english
        case .deadlineWarning: messageDeadlineWarning.english
        case .deadlineBreached: messageDeadlineBreached.english
        case .staffMessage: messageFromStaff.english
        case .callbackBooked: messageCallbackBooked.english
        case .callbackMissed: messageCallbackMissed.english
        case .unmatchedAnswer: messageUnmatchedAnswer.english
        }
    }
}
