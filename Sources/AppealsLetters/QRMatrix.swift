import CPangoCairo
import CQRencode

/// A QR code's modules (libqrencode, error correction M), drawn as filled squares.
struct QRMatrix {
    let width: Int
    let dark: [Bool]

    struct EncodingFailed: Error {}

    init(_ text: String) throws {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { throw EncodingFailed() }
        defer { QRcode_free(code) }
        width = Int(code.pointee.width)
        dark = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func draw(on cr: OpaquePointer, x: Double, y: Double, module: Double) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        for row in 0..<width {
            for column in 0..<width where dark[row * width + column] {
                cairo_rectangle(cr, x + Double(column) * module, y + Double(row) * module, module, module)
            }
        }
        cairo_fill(cr)
    }
}
