import AppealsServices

/// The texts the portal answers a citizen's keyword with (HELP, START), sent back through the SMS provider.
public enum TextWords: String, MessageKey, CaseIterable {
    case helpReply, startReply

    public var key: String { "text." + rawValue }

    public var english: String {
        switch self {
        case .helpReply:
            "{authority}: texts about your parking-ticket appeal. Reply to this number to write to us; call {phone} for help. "
                + "Reply STOP to get no more texts."
        case .startReply: "{authority}: you will get texts about your parking-ticket appeal again. Reply STOP to end them."
        }
    }
}
