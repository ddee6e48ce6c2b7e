/// The staff sign-in form.
struct SignInForm: WebForm {
    let email: String?
    let password: String?
    /// Where to go after signing in (checked to be a staff path).
    let next: String?
}
