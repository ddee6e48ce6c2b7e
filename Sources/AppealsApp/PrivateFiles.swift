import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files that hold citizens' words (emails and texts waiting for a provider, print batches copied out), written
/// readable and writable by the portal's user only (0600), as stored letters and evidence are: never world-readable
/// for a moment, whatever the umask.
public enum PrivateFiles {
    /// Writes `data` to `url` in full (a temporary file beside it, then renamed into place).
    public static func write(_ data: Data, to url: URL) throws {
        // mkstemp picks a name of its own beside the file and creates it 0600, exclusively (no clock or id read here).
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Failure(operation: "mkstemp", code: errno) }
        let temporary = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        do {
            defer { close(fd) }
            try write(data, to: fd)
            guard fsync(fd) == 0 else { throw Failure(operation: "fsync", code: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw Failure(operation: "rename", code: code)
        }
    }

    /// Appends `data` to the file at `url`, made if missing; a file an earlier version left readable by others is
    /// made private again.
    public static func append(_ data: Data, to url: URL) throws {
        let fd = try open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC)
        defer { close(fd) }
        try write(data, to: fd)
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", code: errno) }
    }

    /// Opens with mode 0600, and sets 0600 on a file that already existed with another mode.
    static func open(_ path: String, _ flags: Int32) throws -> Int32 {
        let fd = Glibc.open(path, flags, 0o600)
        guard fd >= 0 else { throw Failure(operation: "open", code: errno) }
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "fchmod", code: code)
        }
        return fd
    }

    static func write(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "write", code: errno)
                }
                offset += written
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
    }
}
