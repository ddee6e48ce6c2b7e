import AppealsServices

/// A new API key: who uses it, what it may do (one checkbox `scope_<name>` each) and its requests a minute
/// (revoking needs no field).
struct APIKeyForm: WebForm {
    let name: String?
    let scopes: Set<APIScope>
    let requestsPerMinute: String?

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FormKey.self)
        name = fields.text("name")
        let ticked = fields.fields(prefixed: "scope_")
        scopes = Set(APIScope.allCases.filter { ticked[$0.formName] != nil })
        requestsPerMinute = fields.text("requests_per_minute")
    }
}

extension APIScope {
    /// The scope as a form field's suffix and a template flag: `status_read`, `cases_by_phone`.
    var formName: String { rawValue.replacingOccurrences(of: ":", with: "_").replacingOccurrences(of: "-", with: "_") }
}
