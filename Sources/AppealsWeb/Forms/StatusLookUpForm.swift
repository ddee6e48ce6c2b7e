/// The status look-up and the withdrawal confirmation: case reference and plate as typed.
struct StatusLookUpForm: WebForm {
    let reference: String?
    let plate: String?
    /// "yes" once the citizen has confirmed a withdrawal.
    let confirm: String?
    /// A call back: the window chosen (`2026-12-08-morning`), the number to call, and what it is about.
    let window: String?
    let phone: String?
    let reason: String?
    /// ``Honeypot/field``: empty unless a bot filled it in.
    let website: String?
}
