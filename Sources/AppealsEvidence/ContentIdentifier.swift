import CMagic
import Foundation
import NIOConcurrencyHelpers

/// libmagic's verdict on a file's bytes (a MIME type), never its name or the type the browser declared.
///
/// A libmagic handle is not safe to share between threads, and loading the database costs a few milliseconds,
/// so loaded handles are kept in a small free list and each call borrows one.
public final class ContentIdentifier: @unchecked Sendable {  // the handles are only touched under the lock or while borrowed
    private let free = NIOLockedValueBox<[OpaquePointer]>([])

    public init() {}

    deinit {
        free.withLockedValue { handles in handles.forEach { magic_close($0) } }
    }

    public func mediaType(of data: Data) -> String {
        if data.isEmpty { return "application/x-empty" }
        guard let handle = borrow() else { return "application/octet-stream" }
        defer { free.withLockedValue { $0.append(handle) } }
        let type = data.withUnsafeBytes { magic_buffer(handle, $0.baseAddress, $0.count) }
        return type.map { String(cString: $0) } ?? "application/octet-stream"
    }

    private func borrow() -> OpaquePointer? {
        if let handle = free.withLockedValue({ $0.popLast() }) { return handle }
        guard let handle = magic_open(MAGIC_MIME_TYPE) else { return nil }
        guard magic_load(handle, nil) == 0 else {
            magic_close(handle)
            return nil
        }
        return handle
    }
}
