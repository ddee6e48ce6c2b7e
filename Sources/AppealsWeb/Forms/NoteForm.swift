/// An internal note on a case.
struct NoteForm: WebForm {
    let note: String?
}
