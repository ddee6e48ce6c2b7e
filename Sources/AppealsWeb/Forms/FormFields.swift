import AppealsServices
import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body.
struct FormFields: Sendable {
    private var values: [String: String] = [:]
    /// Every value of a repeated field (checkboxes of the same name), in order.
    private var repeated: [String: [String]] = [:]

    init(_ body: String = "") {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { Self.percentDecoded(text) ?? "" }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[name] = value
            repeated[name, default: []].append(value)
        }
    }

    subscript(name: String) -> String? { values[name] }

    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    /// `application/x-www-form-urlencoded` decoding ("+" is a space, %XX a byte); nil when not valid UTF-8. NUL
    /// bytes are dropped: no field has a use for them, and PostgreSQL refuses them in text.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let b? where (0x30...0x39).contains(b): b - 0x30
            case let b? where (0x41...0x46).contains(b): b - 0x41 + 10
            case let b? where (0x61...0x66).contains(b): b - 0x61 + 10
            default: nil
            }
        }
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = hex(iterator.next()), let low = hex(iterator.next()) else { return nil }
                if high | low != 0 { bytes.append(high << 4 | low) }
            case 0: break
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
