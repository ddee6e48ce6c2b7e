import AppealsDomain
import Foundation

/// Where evidence bytes live (a local folder now; an object store later). `store` returns only once the bytes
/// are durable, so the database row that names them can be committed after it.
public protocol EvidenceStorage: Sendable {
    /// A fresh path for a streamed upload, on the same volume as the store.
    func incomingFile() throws -> URL
    /// Durable when it returns; the waiting for the disk (fsync) happens off the caller's thread.
    func store(_ data: Data) async throws -> StoredFile
    /// Moves a file written at a path from `incomingFile()` into the store, durably (a print batch's PDF, streamed
    /// to disk rather than held in memory).
    func store(fileAt url: URL) async throws -> StoredFile
    func read(_ key: String) throws -> Data
    func delete(_ key: String) throws
    /// Every stored key with the time it was written.
    func allKeys() throws -> [(key: String, modified: Date)]
    /// Incoming files (uploads in progress or abandoned by a crash) with their times.
    func incomingFiles() throws -> [(url: URL, modified: Date)]
    /// Whether the stored bytes are still there and still have this SHA-256.
    func check(_ file: StoredFile) -> StoredFileCheck
}
