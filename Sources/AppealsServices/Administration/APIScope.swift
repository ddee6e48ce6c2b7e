/// What an API key may do.
public enum APIScope: String, Sendable, CaseIterable, Codable {
    /// Read a case's status by reference and plate, or by ticket and plate.
    case statusRead = "status:read"
    /// List the open cases for a phone number (caller-ID routing).
    case casesByPhone = "cases:by-phone"

    /// Scopes as stored: space-separated, unknown ones left out.
    public static func parse(_ text: String) -> Set<APIScope> { Set(text.split(separator: " ").compactMap { Self(rawValue: String($0)) }) }
    public static func stored(_ scopes: Set<APIScope>) -> String { allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ") }
}
