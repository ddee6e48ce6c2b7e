import AppealsDomain
import Foundation

/// What `appeals evidence sweep` found and did.
public struct EvidenceSweepReport: Sendable, Equatable {
    public var abandonedRowsRemoved = 0
    public var orphanFilesDeleted = 0
    public var incomingFilesDeleted = 0
    public var filesChecked = 0
    /// Rows whose file is gone or no longer has its recorded hash: never deleted, reported for a person.
    public var problems: [Problem] = []

    public struct Problem: Sendable, Equatable {
        public let evidence: EvidenceID
        public let key: String
        public let check: StoredFileCheck
    }
}
