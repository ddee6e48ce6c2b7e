/// The appeal's first step: which ticket, and the plate that proves it is yours.
struct TicketLookUpForm: WebForm {
    let ticketNumber: String?
    let plate: String?
    /// ``Honeypot/field``.
    let website: String?

    enum CodingKeys: String, CodingKey {
        case ticketNumber = "ticket_number"
        case plate, website
    }
}
