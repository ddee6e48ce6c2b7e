import AppealsDomain
import Foundation

public struct QueueFilter: Sendable, Equatable {
    public enum View: String, Sendable { case mine, team, approvals }
    public var view: View
    public var staff: StaffID
    public var state: CaseState?
    public var ground: Ground?
    public var overdueOnly = false
    public var now: Date
    /// 1 up to `maxPage` (kept in range, so that the offset cannot overflow).
    public var page = 1 { didSet { page = min(max(page, 1), Self.maxPage) } }
    public static let pageSize = 25
    public static let maxPage = 10_000

    public init(view: View, staff: StaffID, now: Date) {
        self.view = view
        self.staff = staff
        self.now = now
    }
}
