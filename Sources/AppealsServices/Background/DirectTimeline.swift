import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle

/// Writes each check at once, in its own transaction.
public struct DirectTimeline: TimelineSink {
    public let store: any CaseStore
    public init(store: any CaseStore) { self.store = store }
    public func statusChecked(_ reference: CaseReference, day: LocalDate, at: Date, channel: Channel) async throws {
        try await store.recordStatusChecks([StatusChecks(reference: reference, day: day, channel: channel, count: 1, first: at, last: at)])
    }
}
