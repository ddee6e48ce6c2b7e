import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// A letter's facts as its template sees them: the status script the status page and the agent's script render
/// (`status`, for `partials/status-lead`), the grounds and the replies as labels (`partials/ground-label`), and
/// the letter's own dates, written out.
struct LetterView: Sendable, Encodable {
    let ticketNumber: String
    let reference: String
    let receivedDate: String
    let grounds: [Label]
    let status: StatusScript
    let decided: Bool
    /// The reply to each ground raised, in the order raised (a decision letter).
    let replies: [Reply]
    let hasReplies: Bool
    let amountDue: String?
    let payBy: String?
    let discount: Discount?
    let hearingUntil: String?
    /// A hearing may be asked for, and for how many days from this letter's deemed service.
    let hearingOpen: Bool
    let hearingDays: Int
    let question: String?
    /// The words staff wrote, a paragraph each (a letter with a message).
    let paragraphs: [String]
    /// When and where the hearing is ("Tuesday 15 December 2026 at 10:30", "Room 2, City Hall").
    let hearing: HearingView?

    struct HearingView: Sendable, Encodable {
        let when: String
        let place: String
    }
    let answerDue: String?
    let site: Site
    /// Tells the shared partials they are in a letter (no "our letter says").
    let inLetter = true

    struct Reply: Sendable, Encodable {
        let ground: Label
        let text: String
    }

    struct Discount: Sendable, Encodable {
        let until: String
        let amount: String
        let percent: Int
    }

    struct Site: Sendable, Encodable {
        let phone: String
        let authorityName: String
        let postalAddress: String
    }

    init(_ facts: LetterFacts, authority: Authority, timeZone: TimeZone) {
        let status = facts.status
        let calendar = BusinessCalendar(timeZone: timeZone)
        let decision = status.decision
        ticketNumber = status.ticket.number.value
        reference = status.reference.grouped
        receivedDate = LongDate.text(calendar.localDate(status.receivedAt))
        grounds = facts.grounds.map(Label.init)
        self.status = StatusScript(status, timeZone: timeZone)
        decided = decision != nil
        replies = facts.grounds.compactMap { ground in
            guard let text = decision?.replies?[ground.rawValue], !text.isEmpty else { return nil }
            return Reply(ground: Label(ground), text: text)
        }
        hasReplies = !replies.isEmpty
        amountDue = decision.map { Money.dollars($0.amountDueCents) }
        payBy = facts.payBy.map(LongDate.text)
        discount = facts.discount.map {
            Discount(until: LongDate.text($0.until), amount: Money.dollars($0.amountCents), percent: authority.discountPercent)
        }
        hearingUntil = facts.hearingUntil.map(LongDate.text)
        hearingOpen = status.hearingOpen || facts.hearingUntil != nil
        hearingDays = Workflow().policy.hearingWindowDays
        question = status.question
        paragraphs = TemplateMessages.paragraphs(facts.message ?? "")
        hearing = facts.hearing.map { hearing in
            let local = calendar.local(hearing.startsAt)
            let minutes = local.time.minutesSinceMidnight
            let weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
                ((local.date.daysSinceEpoch % 7) + 7 + 3) % 7]
            return HearingView(
                when: "\(weekday) \(LongDate.text(local.date)) at " + String(format: "%02d:%02d", minutes / 60, minutes % 60),
                place: hearing.place)
        }
        answerDue = facts.answerDue.map(LongDate.text)
        site = Site(phone: authority.phone, authorityName: authority.name, postalAddress: authority.postalAddress)
    }
}
