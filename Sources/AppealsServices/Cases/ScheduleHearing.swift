import AppealsDomain
import Foundation

/// A supervisor sets the date, time and place of a requested hearing; the hearing notice that says them is queued
/// with it. Only for a case whose hearing was asked for; a later date queues a new notice.
public struct ScheduleHearing: Sendable {
    let store: any HearingStore
    let cases: any CaseStore
    let clock: any WallClock

    public init(store: any HearingStore, cases: any CaseStore, clock: any WallClock) {
        self.store = store
        self.cases = cases
        self.clock = clock
    }

    /// What is wrong with the form, every problem at once.
    public struct Problems: Error, Equatable, Sendable {
        public let list: [Problem]
    }

    public enum Problem: Equatable, Sendable {
        /// Not a case waiting for its hearing.
        case notRequested
        case dateMissing, dateInPast, dateTooFar, timeInvalid, placeMissing, placeTooLong
    }

    /// The hearing's start in the authority's calendar, checked: a working day or not, it must be after now and
    /// within a year; the place is 2 to 200 characters. Throws ``Problems``.
    public func callAsFunction(
        _ reference: CaseReference, day: String, time: String, place: String, by staff: StaffID, calendar: BusinessCalendar
    ) async throws -> Hearing {
        guard let loaded = try await cases.load(reference, withFirings: false), loaded.record.state == .hearingRequested else {
            throw Problems(list: [.notRequested])
        }
        var problems: [Problem] = []
        let date = LocalDate(iso: day.trimmingCharacters(in: .whitespaces))
        let startsAt = calendar.endOfMinute("\(day.trimmingCharacters(in: .whitespaces))T\(time.trimmingCharacters(in: .whitespaces))")
            .map { $0.addingTimeInterval(-59.999) }
        let now = clock.now()
        let today = calendar.localDate(now)
        if let date {
            if date < today || (startsAt.map { $0 <= now } ?? false) {
                problems.append(.dateInPast)
            } else if today.days(until: date) > 366 {
                problems.append(.dateTooFar)
            }
            if startsAt == nil { problems.append(.timeInvalid) }
        } else {
            problems.append(.dateMissing)
        }
        let place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        if place.count < 2 { problems.append(.placeMissing) }
        if place.count > 200 { problems.append(.placeTooLong) }
        guard problems.isEmpty, let startsAt else { throw Problems(list: problems) }
        let hearing = Hearing(reference: reference, startsAt: startsAt, place: place, setBy: staff, setAt: now)
        try await store.schedule(
            hearing,
            audit: AuditEntry(
                caseReference: reference, at: now, actor: Actor(role: .supervisor, staffID: staff),
                event: CaseRecordEvent.hearingScheduled.rawValue, from: loaded.record.state, to: loaded.record.state,
                detail: "\(ISO8601Timestamp.formatUTC(startsAt)) at \(place)"))
        return hearing
    }
}
