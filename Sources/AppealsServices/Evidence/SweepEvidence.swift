import AppealsDomain
import Foundation

/// Removes what no row names (after a grace period, so an upload in progress is never touched), drops the rows
/// of drafts that were abandoned, and checks every remaining file against its recorded SHA-256.
public struct SweepEvidence: Sendable {
    public let storage: any EvidenceStorage
    public let store: any EvidenceStore
    public let clock: any WallClock

    public init(storage: any EvidenceStorage, store: any EvidenceStore, clock: any WallClock) {
        self.storage = storage
        self.store = store
        self.clock = clock
    }

    public func callAsFunction(grace: TimeInterval = 86_400) async throws -> EvidenceSweepReport {
        var report = EvidenceSweepReport()
        let cutoff = clock.now().addingTimeInterval(-grace)
        report.abandonedRowsRemoved = try await store.removeAbandonedEvidence(receivedBefore: cutoff).count
        let rows = try await store.allEvidence()
        let named = Set(rows.flatMap { $0.files.map(\.key) })
        for (key, modified) in try storage.allKeys() where !named.contains(key) && modified < cutoff {
            try storage.delete(key)
            report.orphanFilesDeleted += 1
        }
        for (url, modified) in try storage.incomingFiles() where modified < cutoff {
            try FileManager.default.removeItem(at: url)
            report.incomingFilesDeleted += 1
        }
        for row in rows {
            for file in row.files {
                report.filesChecked += 1
                let check = storage.check(file)
                if check != .intact { report.problems.append(.init(evidence: row.id, key: file.key, check: check)) }
            }
        }
        return report
    }
}
