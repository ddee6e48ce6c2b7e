import AppealsServices
import Crypto
import Foundation
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Evidence kept in a local folder, outside any web root, under random names:
/// `files/ab/abcdef…` for stored files and `incoming/` for uploads still streaming in.
///
/// Every write is durable before it returns: temporary file, fsync, rename into place, fsync the folder.
/// A crash at any point leaves either nothing or a complete file (which the evidence sweep removes if no row
/// names it).
public struct LocalEvidenceFolder: EvidenceStorage {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
        for folder in ["files", "incoming"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    public func incomingFile() throws -> URL {
        root.appendingPathComponent("incoming").appendingPathComponent(EvidenceID(drawingFrom: SystemRandomSource()).value)
    }

    /// On NIO's blocking-work pool: the two fsyncs take milliseconds, and on the request's task they would hold
    /// one of the few threads that run every request (two on a two-core machine).
    public func store(_ data: Data) async throws -> StoredFile {
        try await NIOThreadPool.singleton.runIfActive { try storeNow(data) }
    }

    public func store(fileAt url: URL) async throws -> StoredFile {
        try await NIOThreadPool.singleton.runIfActive {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            var hash = SHA256()
            var size = 0
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hash.update(data: chunk)
                size += chunk.count
            }
            // Stored files are the portal's alone, as `writeSynced` makes them, whoever made this one and however.
            guard fchmod(handle.fileDescriptor, 0o600) == 0 else { throw Failure.io("fchmod", errno) }
            guard fsync(handle.fileDescriptor) == 0 else { throw Failure.io("fsync", errno) }
            let key = EvidenceID(drawingFrom: SystemRandomSource()).value
            let folder = root.appendingPathComponent("files").appendingPathComponent(String(key.prefix(2)))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard rename(url.path, folder.appendingPathComponent(key).path) == 0 else { throw Failure.io("rename", errno) }
            try Self.syncFolder(folder.path)
            return StoredFile(key: key, byteSize: size, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
        }
    }

    private func storeNow(_ data: Data) throws -> StoredFile {
        let key = EvidenceID(drawingFrom: SystemRandomSource()).value
        let folder = root.appendingPathComponent("files").appendingPathComponent(String(key.prefix(2)))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent("incoming").appendingPathComponent(key + ".part")
        try Self.writeSynced(data, to: temporary.path)
        guard rename(temporary.path, folder.appendingPathComponent(key).path) == 0 else { throw Failure.io("rename", errno) }
        try Self.syncFolder(folder.path)
        return StoredFile(key: key, byteSize: data.count, sha256: Self.sha256(data))
    }

    public func read(_ key: String) throws -> Data {
        try Data(contentsOf: try url(of: key))
    }

    public func delete(_ key: String) throws {
        let path = try url(of: key).path
        if unlink(path) != 0 && errno != ENOENT { throw Failure.io("unlink", errno) }
    }

    public func allKeys() throws -> [(key: String, modified: Date)] {
        let files = root.appendingPathComponent("files")
        return try FileManager.default.contentsOfDirectory(atPath: files.path).flatMap { prefix in
            try FileManager.default.contentsOfDirectory(atPath: files.appendingPathComponent(prefix).path).map { key in
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: files.appendingPathComponent(prefix).appendingPathComponent(key).path)
                return (key, attributes[.modificationDate] as? Date ?? .distantPast)
            }
        }
    }

    public func incomingFiles() throws -> [(url: URL, modified: Date)] {
        let incoming = root.appendingPathComponent("incoming")
        return try FileManager.default.contentsOfDirectory(atPath: incoming.path).map { name in
            let url = incoming.appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            return (url, attributes[.modificationDate] as? Date ?? .distantPast)
        }
    }

    public func check(_ file: StoredFile) -> StoredFileCheck {
        guard let data = try? read(file.key) else { return .missing }
        return Self.sha256(data) == file.sha256 && data.count == file.byteSize ? .intact : .altered
    }

    /// Keys are 32 lower-case hex digits; anything else never reaches the file system.
    private func url(of key: String) throws -> URL {
        guard EvidenceID(key) != nil else { throw Failure.badKey }
        return root.appendingPathComponent("files").appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func writeSynced(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.io("open", errno) }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure.io("write", errno)
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else { throw Failure.io("fsync", errno) }
    }

    static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.io("open folder", errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure.io("fsync folder", errno) }
    }

    enum Failure: Error {
        case io(String, Int32)
        case badKey
    }
}
