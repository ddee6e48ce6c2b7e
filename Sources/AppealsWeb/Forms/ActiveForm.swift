/// Enabling or disabling an account.
struct ActiveForm: WebForm {
    /// "true" to enable.
    let active: String?
}
