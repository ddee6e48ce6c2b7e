/// A deadline policy's new length, unit and warning.
struct PolicyForm: WebForm {
    let kind: String?
    let unit: String?
    let length: String?
    let warning: String?
}
