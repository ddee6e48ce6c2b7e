import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Every route with its declared rule, as registered; the route × role test and the hostile-input test walk it.
public final class RouteTable: @unchecked Sendable {
    public struct Entry: Sendable, Equatable {
        public let method: String
        public let path: String
        public let rule: AccessRule
    }

    private let lock = NSLock()
    private var list: [Entry] = []

    public init() {}
    public var entries: [Entry] { lock.withLock { list } }
    func add(_ entry: Entry) { lock.withLock { list.append(entry) } }
}
