import AppealsDomain
import Foundation

/// Finding a ticket's undecided appeal, so that a second appeal on one ticket is pointed at the first.
public protocol OpenAppealFinder: Sendable {
    func openCase(forTicket number: TicketNumber) async throws -> CaseReference?
}
