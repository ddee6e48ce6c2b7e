/// A logged call: why they called, how it ended, whether it was resolved on the call, and a note.
struct CallForm: WebForm {
    let reason: String?
    let outcome: String?
    /// "yes" when the call is the call back the case's page was opened for.
    let callback: String?
    /// "yes" or "no".
    let resolved: String?
    let note: String?
    let version: String?
}
