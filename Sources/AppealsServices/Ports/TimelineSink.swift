import AppealsDomain
import Foundation
import Logging
import ServiceLifecycle

/// Where online status checks go: each counts towards its case's one entry for the day.
public protocol TimelineSink: Sendable {
    func statusChecked(_ reference: CaseReference, day: LocalDate, at: Date) async throws
}
