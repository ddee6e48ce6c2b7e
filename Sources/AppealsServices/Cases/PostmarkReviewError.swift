/// Why a supervisor's word on a postmark was not taken.
public enum PostmarkReviewError: Error, Sendable, Equatable {
    /// The case has no postmark awaiting confirmation (confirmed or rejected already).
    case nothingToConfirm
    /// The supervisor entered the appeal and its postmark: another supervisor must confirm it.
    case enteredItYourself
}
