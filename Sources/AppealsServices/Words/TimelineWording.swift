import AppealsDomain
import Foundation

/// How a timeline entry reads on the staff case page.
public enum TimelineWording {
    public static func text(kind: String, count: Int = 1) -> String {
        if kind == "status_checked" {
            return "Citizen checked the status online " + (count == 1 ? "once" : "\(count) times") + " that day"
        }
        if let event = CaseEventKind(rawValue: kind) {
            return event == .file
                ? "Appeal filed"
                : WorkflowMessages.participle(event).prefix(1).uppercased() + WorkflowMessages.participle(event).dropFirst()
        }
        let known: [String: String] = [
            "appeal_filed": "Appeal received", "status_checked": "Citizen checked the status", "citizen_answered": "Citizen answered",
            "note": "Internal note", "evidence_original_downloaded": "Original file downloaded", "call": "Phone call",
            "letter_posted": "Letter posted", "deadline_warning": "Deadline warning", "deadline_breach": "Deadline breached",
        ]
        return known[kind] ?? kind.replacingOccurrences(of: "_", with: " ").capitalized
    }
}
