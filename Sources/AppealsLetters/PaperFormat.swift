/// A sheet of paper in PDF points (1/72 inch), its margins, and the window of the envelope it is folded into: the
/// recipient's name and address go inside the window zone, and nothing else does.
public struct PaperFormat: Sendable, Equatable {
    public let name: String
    public let width: Double
    public let height: Double
    public let margin: Double
    /// Where the envelope's window shows the sheet, from its top-left corner.
    public let window: Zone

    public struct Zone: Sendable, Equatable {
        public let x, y, width, height: Double
        public func contains(x px: Double, y py: Double) -> Bool { px >= x && px <= x + width && py >= y && py <= y + height }
    }

    /// US Letter in a #10 window envelope (window 4½ × 1⅛ in, ⅞ in from the left; the address starts 2 in down).
    public static let usLetter = PaperFormat(
        name: "US Letter", width: 612, height: 792, margin: 63, window: Zone(x: 63, y: 144, width: 288, height: 81))
    /// A4 in a DL window envelope (DIN 5008 form B: 20 mm from the left, 45 mm down, 85 × 45 mm).
    public static let a4 = PaperFormat(
        name: "A4", width: 595.28, height: 841.89, margin: 56.69, window: Zone(x: 56.69, y: 127.56, width: 240.94, height: 127.56))
}
