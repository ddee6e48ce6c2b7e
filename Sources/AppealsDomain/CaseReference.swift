import Foundation

/// The reference a citizen quotes for their case: nine characters read aloud in three groups ("K7M-4QX-9TC").
///
/// The alphabet leaves out characters people confuse on the phone and on paper (0/O, 1/I/L, and U, which reads as V), and the
/// last character is a Luhn mod-30 check character, so any single mistyped character and any swap of two
/// neighbours is detected before a look-up is made.
public struct CaseReference: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let payloadLength = 8

    /// The nine characters without separators ("K7M4QX9TC").
    public let value: String

    /// Reads a reference as typed: case, spaces and dashes are ignored; the check character must match.
    public init?(_ raw: String) {
        // On bytes: references are read back by the thousand when the sweeper loads cases.
        var codes: [Int] = []
        codes.reserveCapacity(Self.payloadLength + 1)
        for byte in raw.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            let upper = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
            guard let code = Self.codeOf[Int(upper)], codes.count <= Self.payloadLength else { return nil }
            codes.append(code)
        }
        guard codes.count == Self.payloadLength + 1, Self.checkCode(for: codes.dropLast()) == codes.last else { return nil }
        value = String(decoding: codes.map { Self.alphabetBytes[$0] }, as: UTF8.self)
    }

    static let alphabetBytes = alphabet.map { $0.asciiValue! }
    /// Byte → position in the alphabet.
    static let codeOf: [Int?] = (0..<256).map { byte in alphabetBytes.firstIndex(of: UInt8(byte)) }

    /// Makes a new reference from random bits supplied by the caller (the domain draws no randomness itself).
    public init(randomBits: UInt64) {
        var bits = randomBits
        var payload = ""
        for _ in 0..<Self.payloadLength {
            payload.append(Self.alphabet[Int(bits % UInt64(Self.alphabet.count))])
            bits /= UInt64(Self.alphabet.count)
        }
        value = payload + String(Self.checkCharacter(for: payload))
    }

    /// "K7M-4QX-9TC": the form printed and shown.
    public var grouped: String {
        let c = Array(value)
        return String(c[0..<3]) + "-" + String(c[3..<6]) + "-" + String(c[6..<9])
    }

    public var description: String { grouped }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    static func checkCharacter(for payload: String) -> Character {
        alphabet[checkCode(for: payload.utf8.map { codeOf[Int($0)]! })]
    }

    /// Luhn mod N over alphabet positions.
    static func checkCode<C: BidirectionalCollection>(for codes: C) -> Int where C.Element == Int {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for codePoint in codes.reversed() {
            var addend = factor * codePoint
            factor = factor == 2 ? 1 : 2
            addend = addend / n + addend % n
            sum += addend
        }
        return (n - sum % n) % n
    }
}
