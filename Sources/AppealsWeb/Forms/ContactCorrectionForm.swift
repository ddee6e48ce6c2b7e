/// A member of staff's correction of the citizen's contact details.
struct ContactCorrectionForm: WebForm {
    let name: String?
    let address: String?
    let email: String?
    let mobile: String?
    /// letter, email or sms.
    let channel: String?
}
