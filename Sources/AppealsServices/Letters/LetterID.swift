import Foundation

/// A letter's id (a UUID as the store writes it); anything else is not one.
public struct LetterID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text), uuid.uuidString.lowercased() == text.lowercased() else { return nil }
        value = text.lowercased()
    }
    public var description: String { value }
}

/// A print batch's id (a UUID).
public struct PrintBatchID: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text), uuid.uuidString.lowercased() == text.lowercased() else { return nil }
        value = text.lowercased()
    }
    public init(drawingFrom random: any RandomSource) {
        let bytes = withUnsafeBytes(of: (random.next(), random.next())) { Array($0) }
        value = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7],
                bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
        .uuidString.lowercased()
    }
    public var description: String { value }
}
