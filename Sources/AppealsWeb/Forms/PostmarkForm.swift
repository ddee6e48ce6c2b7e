/// A supervisor's word on a postmark awaiting confirmation: `confirm`, or `reject` (count from the day of entry).
struct PostmarkForm: WebForm {
    let decision: String?
}
