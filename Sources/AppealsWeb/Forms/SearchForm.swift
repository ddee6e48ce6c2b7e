/// The agent's search box, sent as a GET form: decoded like a posted form, so "+" is a space as browsers send it.
struct SearchForm: WebForm {
    let q: String?
}
