/// The decision form as posted: the outcome, the amount of a reduction, the reason, a reply to each ground
/// (`reply_<ground>`), and which button was pressed (preview, edit, confirm).
struct DecisionSubmission: WebForm {
    let outcome: String?
    let amount: String?
    let reasonCode: String?
    let replies: [String: String]
    let action: String?
    let version: String?

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FormKey.self)
        outcome = fields.text("outcome")
        amount = fields.text("amount")
        reasonCode = fields.text("reason_code")
        replies = fields.fields(prefixed: "reply_")
        action = fields.text("action")
        version = fields.text("version")
    }
}
