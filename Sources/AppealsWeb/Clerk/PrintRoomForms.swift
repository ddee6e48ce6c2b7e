/// "Create print batch": the cut-off as a browser's `datetime-local` ("2026-12-04T14:30").
struct PrintBatchForm: WebForm {
    let until: String?
}

/// "Mark posted": the posting day as a browser's `date` ("2026-12-04").
struct PostingForm: WebForm {
    let postedOn: String?
    enum CodingKeys: String, CodingKey { case postedOn = "posted_on" }
}

/// "Record returned mail": why the letter came back.
struct ReturnedMailForm: WebForm {
    let reason: String?
    let note: String?
}
