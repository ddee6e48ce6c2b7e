/// Setting ("yes") or clearing ("no") the vulnerable-citizen flag, with the reason.
struct VulnerableForm: WebForm {
    let vulnerable: String?
    let reason: String?
    let version: String?
}
