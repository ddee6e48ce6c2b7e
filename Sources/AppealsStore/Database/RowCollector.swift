import Foundation
import SQLKit

/// Collects result rows from SQLKit's callback.
final class RowCollector: @unchecked Sendable {
    private var rows: [any SQLRow] = []
    // SQLKit calls back serially for one query; the lock is for the compiler's benefit and costs nothing contended.
    private let lock = NSLock()
    func append(_ row: any SQLRow) { lock.withLock { rows.append(row) } }
    var all: [any SQLRow] { lock.withLock { rows } }
}
