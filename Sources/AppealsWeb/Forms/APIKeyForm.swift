/// A new API key's name (revoking needs no field).
struct APIKeyForm: WebForm {
    let name: String?
}
