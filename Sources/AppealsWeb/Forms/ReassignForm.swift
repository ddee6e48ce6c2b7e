/// A supervisor moving several cases (ticked as `case[]`) to one reviewer.
struct ReassignForm: WebForm {
    let to: String?
    let cases: [String]?

    enum CodingKeys: String, CodingKey {
        case to
        case cases = "case"
    }
}
