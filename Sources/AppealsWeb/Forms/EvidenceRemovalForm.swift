/// Removing one file from a draft appeal.
struct EvidenceRemovalForm: WebForm {
    let id: String?
}
