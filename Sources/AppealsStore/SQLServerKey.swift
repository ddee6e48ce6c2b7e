import AppealsServices
import Crypto
import Foundation
import SQLKit

/// HMAC-SHA256 with the deployment's server key, kept in `server_keys` so that every instance on one database
/// uses the same one. The key is made (256 random bits) the first time any instance needs it, and read once per
/// process.
public final class SQLServerKey: KeyedHash, @unchecked Sendable {
    let database: AppDatabase
    let name: String
    let clock: any WallClock
    private let lock = NSLock()
    private var key: SymmetricKey?

    public init(database: AppDatabase, clock: any WallClock, name: String = "hmac") {
        self.database = database
        self.clock = clock
        self.name = name
    }

    public func hex(_ text: String) async throws -> String {
        let key = try await current()
        return hexString(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    func current() async throws -> SymmetricKey {
        if let cached = lock.withLock({ key }) { return cached }
        let loaded = SymmetricKey(data: try await storedKey())
        lock.withLock { key = loaded }
        return loaded
    }

    /// The stored key, made first if no instance has made it yet (the first writer's key wins).
    private func storedKey() async throws -> [UInt8] {
        let fresh = hexString(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        let (name, database, now) = (self.name, self.database, clock.now())
        let text: String? = try await database.write { db in
            try await db.raw(
                """
                INSERT INTO server_keys (name, key_hex, created_at) VALUES (\(bind: name), \(bind: fresh), \(bind: Stored.time(now)))
                ON CONFLICT (name) DO NOTHING
                """
            ).run()
            let row = try await db.select().column("key_hex").from("server_keys").where("name", .equal, SQLBind(name)).first()
            return try row?.decode(column: "key_hex", as: String.self)
        }
        let digits = Array((text ?? "").utf8)
        var bytes: [UInt8] = []
        if digits.count == 64 {
            for index in stride(from: 0, to: 64, by: 2) {
                if let byte = UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) { bytes.append(byte) }
            }
        }
        guard bytes.count == 32 else { throw StoredDataError.corrupt(table: "server_keys", detail: name) }
        return bytes
    }
}
