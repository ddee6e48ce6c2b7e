/// The appeal's contact step.
struct ContactForm: WebForm {
    let name: String?
    let address: String?
    let email: String?
    let mobile: String?
    /// letter, email or sms.
    let channel: String?
}
