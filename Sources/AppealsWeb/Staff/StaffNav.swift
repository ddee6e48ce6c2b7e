import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The workspace header: who is signed in and which sections their roles open.
struct StaffNav: Sendable, Encodable {
    let name: String
    let csrf: String
    let reviewer: Bool
    let supervisor: Bool
    var onQueue = false
    var onApprovals = false
    var onTeam = false
    var onAdmin = false
    var onSearch = false
    var onIntake = false
    var onPrintRoom = false
    var onDashboard = false
    var onAudit = false
    var onMessages = false
    var onCallbacks = false
    let admin: Bool
    /// Phone agents, clerks, supervisors and auditors find any case by whatever a caller reads out.
    let search: Bool
    /// Agents and clerks enter appeals for callers and from letters.
    let intake: Bool
    /// Clerks print and post letters.
    let printRoom: Bool
    /// Supervisors and auditors read the dashboard.
    let dashboard: Bool
    /// Auditors and administrators read the audit trail.
    let audit: Bool
    /// Agents, clerks and supervisors put unmatched messages on their cases.
    let messages: Bool
    /// Agents and supervisors call citizens back.
    let callbacks: Bool

    init(_ account: StaffAccount, csrf: String) {
        name = account.name
        self.csrf = csrf
        reviewer = account.roles.contains(.reviewer) || account.roles.contains(.supervisor)
        supervisor = account.roles.contains(.supervisor)
        admin = account.roles.contains(.administrator) || account.roles.contains(.auditor)
        search = !account.roles.isDisjoint(with: AgentController.searchers)
        intake = !account.roles.isDisjoint(with: IntakeController.intakers)
        printRoom = !account.roles.isDisjoint(with: PrintRoomController.clerks)
        dashboard = !account.roles.isDisjoint(with: DashboardController.readers)
        audit = !account.roles.isDisjoint(with: AuditTrailController.readers)
        messages = !account.roles.isDisjoint(with: UnmatchedMessages.roles)
        callbacks = !account.roles.isDisjoint(with: Callbacks.workers)
    }
}
