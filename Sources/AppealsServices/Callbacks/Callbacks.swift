import AppealsDomain
import Foundation

/// Calls back, kept like deadlines: a citizen asks for one on the status page (or an agent books one while on the
/// phone) in a window of the next business hours; the citizen is told when we will call; agents work the
/// Callbacks due list in the order they are due; the call logged on the case afterwards keeps it; a window that
/// ends without one is marked missed once, on the timeline, and the supervisors are warned.
public struct Callbacks: Sendable {
    let store: any CallbackStore
    let contacts: any CaseContacts
    let rules: DeadlineRulesCache
    let clock: any WallClock
    let random: any RandomSource
    let defaultCallingCode: String

    public init(
        store: any CallbackStore, contacts: any CaseContacts, rules: DeadlineRulesCache, clock: any WallClock, random: any RandomSource,
        defaultCallingCode: String
    ) {
        self.store = store
        self.contacts = contacts
        self.rules = rules
        self.clock = clock
        self.random = random
        self.defaultCallingCode = defaultCallingCode
    }

    /// Who books calls back for a caller and works the list.
    public static let workers: Set<Role> = [.phoneAgent, .supervisor]

    public enum Problem: Error, Equatable {
        /// No window chosen, or one not offered (any more).
        case noWindow
        /// No number given, and the case has none.
        case phoneNeeded
        case badPhone
        /// The case has a call back booked already, in this window.
        case alreadyBooked(CallbackWindow)
    }

    /// The windows open for booking now, and the calendar they are in.
    public func choices() async throws -> (windows: [CallbackWindow], calendar: BusinessCalendar) {
        let calendar = try await rules.current().calendar
        return (CallbackWindow.choices(at: clock.now(), in: calendar), calendar)
    }

    /// Books a call back in window `windowID` (one of ``choices()``) to `phone`, or the case's mobile number when
    /// none is typed. `requester`: "citizen", or the agent's id.
    public func book(_ reference: CaseReference, windowID: String, phone: String, reason: String, by requester: String) async throws
        -> Callback
    {
        let (windows, calendar) = try await choices()
        guard let window = CallbackWindow(id: windowID), windows.contains(window) else { throw Problem.noWindow }
        let typed = phone.trimmingCharacters(in: .whitespaces)
        let number: String
        if typed.isEmpty {
            guard let mobile = try await contacts.contact(of: reference)?.mobile else { throw Problem.phoneNeeded }
            number = mobile
        } else {
            guard let parsed = MobileNumber(typed, defaultCallingCode: defaultCallingCode) else { throw Problem.badPhone }
            number = parsed.e164
        }
        if let open = try await store.open(of: reference) { throw Problem.alreadyBooked(open.window) }
        let (start, end) = window.interval(in: calendar)
        let reason = String(reason.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        let callback = Callback(
            id: random.hex(words: 2), reference: reference, phone: number, window: window, startsAt: start, endsAt: end, reason: reason,
            requestedBy: requester, requestedAt: clock.now(), status: .due)
        let entry = Interaction(
            at: clock.now(), channel: requester == "citizen" ? .web : .phone, direction: .inbound, actor: requester,
            kind: .callbackBooked,
            summary: RecordWords.callbackBooked.inEnglish([
                "window": Self.recordWords(window), "phone": number, "reason": reason.isEmpty ? "no reason given" : reason,
            ]), isPublic: true)
        guard try await store.book(callback, interaction: entry, notice: window.id) else {
            throw Problem.alreadyBooked(try await store.open(of: reference)?.window ?? window)
        }
        return callback
    }

    public func open(limit: Int) async throws -> (callbacks: [Callback], count: Int) { try await store.open(limit: limit) }
    public func open(of reference: CaseReference) async throws -> Callback? { try await store.open(of: reference) }

    /// A call logged on the case: it keeps the case's call back whose window has started, or any open one when the
    /// agent made it from the Callbacks due list (`early`: calling back sooner than asked is still calling back).
    public func called(_ reference: CaseReference, by staff: StaffID, early: Bool = false) async throws -> Bool {
        try await store.complete(of: reference, at: clock.now(), by: staff, early: early)
    }

    /// Marks missed every call back whose window has ended (the sweeper runs this); how many.
    @discardableResult
    public func sweep() async throws -> Int {
        let now = clock.now()
        return try await store.markMissed(before: now) { callback in
            Interaction(
                at: now, channel: .system, direction: .internal, actor: "system", kind: .callbackMissed,
                summary: RecordWords.callbackMissed.inEnglish(["window": Self.recordWords(callback.window), "phone": callback.phone]),
                isPublic: false)
        }.count
    }

    /// A window as the record says it: "Tue 8 Dec 2026, morning".
    static func recordWords(_ window: CallbackWindow) -> String {
        let (year, month, day) = window.day.components
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][window.day.isoWeekday - 1]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        return "\(weekday) \(day) \(monthName) \(year), \(window.part.rawValue)"
    }
}
