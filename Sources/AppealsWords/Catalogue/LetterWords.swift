import AppealsServices

/// The words a letter's frame prints around its facts (the body's words are its template's, `templates/letters/`).
public enum LetterWords: String, MessageKey, CaseIterable {
    case date, caseReference, ticket, howToCheck

    public var key: String { "letter." + rawValue }

    public var english: String {
        switch self {
        case .date: "Date"
        case .caseReference: "Case reference"
        case .ticket: "Ticket"
        case .howToCheck: "Check your appeal at {address} (or scan the code) with your case reference and plate, or call us on {phone}."
        }
    }
}
