import AppealsDomain

/// An appeal a member of staff enters for a citizen: what the citizen's journey asks over four steps, on one form,
/// and how it reached us (`arrived_by` phone or mail, with `posted_on` for a letter).
struct IntakeForm: WebForm {
    let draft: String?
    let ticketNumber: String?
    let plate: String?
    let grounds: [Ground]
    let statement: String?
    let lateReason: String?
    let contact: ContactForm
    let arrivedBy: String?
    let postedOn: String?

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FormKey.self)
        draft = fields.text("draft")
        ticketNumber = fields.text("ticket_number")
        plate = fields.text("plate")
        let ticked = fields.fields(prefixed: "ground_")
        grounds = Ground.allCases.filter { ticked[$0.rawValue] != nil }
        statement = fields.text("statement")
        lateReason = fields.text("late_reason")
        contact = ContactForm(fields)
        arrivedBy = fields.text("arrived_by")
        postedOn = fields.text("posted_on")
    }
}

/// The first fields of a new appeal, from a link (the screen pop's "start an appeal" gives the caller's number).
struct IntakeStartForm: WebForm {
    let mobile: String?
}
