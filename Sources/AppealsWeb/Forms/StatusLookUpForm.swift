/// The status look-up and the withdrawal confirmation: case reference and plate as typed.
struct StatusLookUpForm: WebForm {
    let reference: String?
    let plate: String?
    /// "yes" once the citizen has confirmed a withdrawal.
    let confirm: String?
    /// ``Honeypot/field``: empty unless a bot filled it in.
    let website: String?
}
