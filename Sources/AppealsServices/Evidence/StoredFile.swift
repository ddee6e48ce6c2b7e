import AppealsDomain
import Foundation

/// A file written durably: its key in the storage, its size and its SHA-256 (hex).
public struct StoredFile: Sendable, Equatable {
    public let key: String
    public let byteSize: Int
    public let sha256: String

    public init(key: String, byteSize: Int, sha256: String) {
        self.key = key
        self.byteSize = byteSize
        self.sha256 = sha256
    }
}
