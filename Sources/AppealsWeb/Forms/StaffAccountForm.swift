/// An administrator's form for a member of staff: name and email (new accounts), roles and skills (one checkbox
/// `role_<role>` and `skill_<skill>` each) and spoken languages.
struct StaffAccountForm: WebForm {
    let name: String?
    let email: String?
    let roles: Set<String>
    let skills: Set<String>
    let languages: String?

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FormKey.self)
        name = fields.text("name")
        email = fields.text("email")
        roles = Set(fields.fields(prefixed: "role_").keys)
        skills = Set(fields.fields(prefixed: "skill_").keys)
        languages = fields.text("languages")
    }
}
