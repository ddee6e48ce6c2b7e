import Foundation

/// What happened in one interaction on a case's timeline, on any channel. Stored by its raw value; worded in
/// `templates/partials/timeline-label.mustache`.
public enum InteractionKind: String, Sendable, CaseIterable {
    case appealFiled = "appeal_filed"
    case informationRequested = "information_requested"
    case informationProvided = "information_provided"
    case statusChecked = "status_checked"
    /// Status looked up through the API (the automated phone line), counted per day like `statusChecked`.
    case automatedLookUp = "automated_look_up"
    case note
    case evidenceOriginalDownloaded = "evidence_original_downloaded"
    case call
    case letterPrinted = "letter_printed"
    case letterPosted = "letter_posted"
    case letterReprinted = "letter_reprinted"
    case letterReturned = "letter_returned"
    case messageSent = "message_sent"
    case messageFailed = "message_failed"
    /// A citizen's e-mail or text, as received (its new words; the quoted history is kept with the message).
    case messageReceived = "message_received"
    /// An automatic answer to one of our messages (out of office): recorded, changes nothing.
    case autoReplyReceived = "auto_reply_received"
    /// The citizen texted STOP: no more texts to that number; the case is kept informed by e-mail or post.
    case textsStopped = "texts_stopped"
    /// The citizen texted START after STOP: texts go to the number again, and the cases STOP switched are back on texts.
    case textsStarted = "texts_started"
    /// Words a member of staff wrote to the citizen from the case page (sent by e-mail, text or letter).
    case messageWritten = "message_written"
    /// A call back booked (by the citizen online, or an agent on the phone), and one whose window passed uncalled.
    case callbackBooked = "callback_booked"
    case callbackMissed = "callback_missed"
}
