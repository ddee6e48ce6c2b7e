import AppealsDomain

/// The appeal's grounds (one checkbox `ground_<code>` each), the statement and the reason for lateness.
struct AppealDetailsForm: WebForm {
    let grounds: [Ground]
    let statement: String?
    let lateReason: String?

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FormKey.self)
        let ticked = fields.fields(prefixed: "ground_")
        grounds = Ground.allCases.filter { ticked[$0.rawValue] != nil }
        statement = fields.text("statement")
        lateReason = fields.text("late_reason")
    }
}
