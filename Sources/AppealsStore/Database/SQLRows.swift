import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Small helpers for reading and writing the stored forms of domain values.
enum Stored {
    /// A new row id: a random (version 4) UUID in lower case, from the system generator (getrandom(2); Foundation's
    /// UUID opens /dev/urandom on every call, one file opened per status view recorded). Row ids are never shown.
    static func newID() -> String {
        let random = SystemRandomSource()
        var b = withUnsafeBytes(of: (random.next(), random.next())) { Array($0) }
        b[6] = b[6] & 0x0F | 0x40
        b[8] = b[8] & 0x3F | 0x80
        let uuid = UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        return uuid.uuidString.lowercased()
    }

    static func time(_ date: Date) -> String { ISO8601Timestamp.formatUTC(date) }
    static func time(_ date: Date?) -> String? { date.map(ISO8601Timestamp.formatUTC) }

    static func date(_ row: any SQLRow, _ column: String) throws -> Date {
        guard let date = ISO8601Timestamp.parse(try row.decode(column: column, as: String.self)) else {
            throw StoredDataError.corrupt(table: "?", detail: "\(column) is not a stored time")
        }
        return date
    }

    static func optionalDate(_ row: any SQLRow, _ column: String) throws -> Date? {
        try row.decode(column: column, as: String?.self).flatMap(ISO8601Timestamp.parse)
    }

    static func json<T: Encodable>(_ value: T?) throws -> String? {
        guard let value else { return nil }
        return String(decoding: try JSONEncoder.sorted.encode(value), as: UTF8.self)
    }

    static func fromJSON<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970  // as written by JSONEncoder.sorted
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// Runs `statement` for slices of `rows`, each small enough for both engines' limits on bound values.
    static func inChunks<T>(_ rows: [T], of size: Int = 400, _ statement: (ArraySlice<T>) async throws -> Void) async throws {
        var start = 0
        while start < rows.count {
            try await statement(rows[start..<min(start + size, rows.count)])
            start += size
        }
    }
}

extension JSONEncoder {
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()
}

/// Lower-case hex of a digest. (`String(format: "%02x")` per byte cost a sixth of a sweep.)
func hexString<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
