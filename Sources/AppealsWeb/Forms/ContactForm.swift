import AppealsServices

/// The appeal's contact step (also part of the staff's intake form).
struct ContactForm: WebForm {
    let name: String?
    let address: AddressFields
    let email: String?
    let mobile: String?
    /// letter, email or sms.
    let channel: String?

    init(from decoder: any Decoder) throws {
        self.init(try decoder.container(keyedBy: FormKey.self))
    }

    init(_ fields: KeyedDecodingContainer<FormKey>) {
        name = fields.text("name")
        address = AddressFields(fields)
        email = fields.text("email")
        mobile = fields.text("mobile")
        channel = fields.text("channel")
    }
}
