import AppealsDomain
import Foundation

/// "Write to the citizen" from the case page: words a member of staff writes, inside the message's frame with the
/// case's facts, previewed exactly as they will go, then sent once by the citizen's own channel: an e-mail, a text
/// (when the number has not texted STOP), or else a letter to the postal address. The e-mail and the text go
/// through the outbox (retried, recorded when sent); the letter through the print room. A reply comes back to the
/// case as any reply does.
public struct WriteToCitizen: Sendable {
    let contacts: any CaseContacts
    let lookUp: LookUpStatus
    let composer: any MessageComposer
    let store: any CitizenMessageStore
    let clock: any WallClock
    let random: any RandomSource

    public init(
        contacts: any CaseContacts, lookUp: LookUpStatus, composer: any MessageComposer, store: any CitizenMessageStore,
        clock: any WallClock, random: any RandomSource
    ) {
        self.contacts = contacts
        self.lookUp = lookUp
        self.composer = composer
        self.store = store
        self.clock = clock
        self.random = random
    }

    /// The most a member of staff may write: a text of it is about four text-message segments.
    public static let maximumLength = 600

    /// How the words will reach the citizen.
    public enum Route: Sendable, Equatable {
        case email(String)
        case text(String)
        case letter
    }

    /// The message as it will go, and the id that sends it once.
    public struct Preview: Sendable {
        public let id: String
        public let route: Route
        /// The words as staff wrote them (checked, trimmed), and the message they make.
        public let written: String
        public let words: ComposedMessage
    }

    public enum Problem: Error, Equatable {
        case empty
        case tooLong(limit: Int)
        /// No e-mail, no number that takes texts, no postal address.
        case noWayToReach
    }

    public func preview(_ words: String, to reference: CaseReference) async throws -> Preview {
        let words = try Self.checked(words)
        guard let contact = try await contacts.contact(of: reference), let status = try await lookUp.status(of: reference) else {
            throw AppError.notFound
        }
        let route = try await route(contact)
        return Preview(
            id: Self.newID(random), route: route, written: words,
            words: try composer.compose(.staffMessage, status: status, contact: contact, message: words))
    }

    /// Queues the previewed message once (`id` from the preview); false when it was queued before.
    public func send(_ words: String, to reference: CaseReference, id: String, by staff: StaffID) async throws -> Bool {
        let words = try Self.checked(words)
        guard let id = UUID(uuidString: id)?.uuidString.lowercased() else { throw AppError.notFound }
        guard let contact = try await contacts.contact(of: reference), let status = try await lookUp.status(of: reference) else {
            throw AppError.notFound
        }
        let route = try await route(contact)
        let channel: Channel =
            switch route {
            case .email: .email
            case .text: .sms
            case .letter: .mail
            }
        let entry = Interaction(
            at: clock.now(), channel: channel, direction: .outbound, actor: staff.value, kind: .messageWritten, summary: words,
            isPublic: true)
        return try await store.queue(
            CitizenMessage(
                id: id, reference: reference, words: words, byLetter: route == .letter, at: clock.now(),
                snapshot: LetterSnapshot(state: status.state, decision: status.decision, answerDue: status.answerDue, message: words)),
            interaction: entry)
    }

    /// The citizen's own channel, as the outbox would choose it; a letter when neither e-mail nor text can go.
    func route(_ contact: AppealDetails) async throws -> Route {
        switch try await contacts.outboxRoute(contact) {
        case let (channel, address)? where channel == .sms: return .text(address)
        case let (_, address)?: return .email(address)
        case nil:
            guard !contact.postalAddress.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem.noWayToReach }
            return .letter
        }
    }

    /// An id as the outbox and the letters have theirs (a UUID's form), from the random source.
    static func newID(_ random: any RandomSource) -> String {
        var hex = Substring(random.hex(words: 2))
        return [8, 4, 4, 4, 12].map { count in
            defer { hex = hex.dropFirst(count) }
            return String(hex.prefix(count))
        }.joined(separator: "-")
    }

    static func checked(_ words: String) throws -> String {
        let words = words.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { throw Problem.empty }
        guard words.count <= maximumLength else { throw Problem.tooLong(limit: maximumLength) }
        return words
    }
}
