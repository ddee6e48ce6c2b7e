import AppealsDomain
import Foundation

/// An appeal a member of staff is entering, kept as a draft (the citizen's draft store, under a random token in
/// the page's address) until it is filed, so that a refused file or an error loses nothing.
public struct IntakeDraft: Codable, Sendable {
    public init() {}

    /// The answers, checked by the same rules as the citizen's journey.
    public var answers = AppealDraft()
    /// `phone` (an agent with the caller) or `mail` (a clerk with a letter).
    public var arrivedBy = ""
    /// The letter's postmark, `yyyy-mm-dd`, for appeals by post.
    public var postedOn = ""
    /// Who started it: only they may go on with it.
    public var staff = ""

    public var channel: Channel? { Self.channels[arrivedBy] }

    /// How an appeal may reach staff, and the role that files it.
    public static let channels: [String: Channel] = ["phone": .phone, "mail": .mail]
    public static let filers: [Channel: Role] = [.phone: .phoneAgent, .mail: .clerk]

    /// The postmark as a local date, if it is one and not in the future nor more than a year ago.
    public func postedDate(today: LocalDate) -> LocalDate? {
        guard let date = LocalDate(iso: postedOn.trimmingSpaces), date <= today,
            date >= today.adding(days: -366)
        else { return nil }
        return date
    }
}
