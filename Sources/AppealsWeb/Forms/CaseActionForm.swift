/// A staff action on a case: the version the page showed (so that a change since is noticed), and the words some
/// actions carry.
struct CaseActionForm: WebForm {
    let version: String?
    /// The question of a request for information.
    let message: String?
    /// A supervisor's reason for returning a decision.
    let comment: String?
    /// Whom a case is assigned to.
    let to: String?
    /// "yes" once a withdrawal has been read back to the caller.
    let confirm: String?
}
