import AppealsDomain

/// A letter kind's name, as the timeline, the print room and the manifest say it.
public enum LetterWording {
    public static func name(_ kind: LetterKind) -> String {
        switch kind {
        case .acknowledgement: "Acknowledgement letter"
        case .requestForInformation: "Request for information"
        case .decision: "Decision letter"
        case .deemedAcceptance: "Deemed acceptance letter"
        case .hearingNotice: "Hearing notice"
        }
    }
}
