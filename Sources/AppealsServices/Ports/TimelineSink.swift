import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle

/// Where status look-ups go: each counts towards its case's one entry for the day and channel (the citizen's
/// page on the web, the status API for the automated phone line).
public protocol TimelineSink: Sendable {
    func statusChecked(_ reference: CaseReference, day: LocalDate, at: Date, channel: Channel) async throws
}

extension TimelineSink {
    /// A check of the citizen's status page.
    public func statusChecked(_ reference: CaseReference, day: LocalDate, at: Date) async throws {
        try await statusChecked(reference, day: day, at: at, channel: .web)
    }
}
