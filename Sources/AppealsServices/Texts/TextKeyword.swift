import Foundation

/// The words a text can be that are instructions, not a message (the US carriers' rules, which every provider
/// follows): STOP and its synonyms end texts to that number, START (or UNSTOP) takes them up again; HELP asks
/// who we are and how to reach us.
public enum TextKeyword: Sendable, Equatable {
    case stop
    case start
    case help

    /// The keyword a whole text is, ignoring case, spaces and a final full stop or exclamation mark ("Stop.").
    public init?(_ text: String) {
        let word = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().trimmingCharacters(in: .init(charactersIn: ".!"))
        switch word {
        case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE": self = .stop
        case "START", "UNSTOP": self = .start
        case "HELP", "INFO": self = .help
        default: return nil
        }
    }
}
