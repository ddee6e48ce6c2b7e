import AppealsDomain
import Foundation

/// An internal note on a case's timeline: for staff only, never shown to the citizen, and changing nothing else.
public struct AddNote: Sendable {
    let cases: any CaseStore
    let clock: any WallClock

    public init(cases: any CaseStore, clock: any WallClock) {
        self.cases = cases
        self.clock = clock
    }

    public func callAsFunction(_ note: String, to reference: CaseReference, by staff: StaffID) async throws {
        try await cases.record([
            (
                reference,
                Interaction(
                    at: clock.now(), channel: .web, direction: .internal, actor: staff.value, kind: .note, summary: note, isPublic: false)
            )
        ])
    }
}
