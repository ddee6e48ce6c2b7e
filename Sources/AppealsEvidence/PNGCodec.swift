import AppealsServices
import CHeif
import CJPEG
import CPNG
import Foundation

/// libpng's simplified API (which keeps its own longjmp inside libpng). Transparent areas become white.
enum PNGCodec {
    static func decode(_ data: Data, limits: EvidenceLimits) throws -> RGBImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = data.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw EvidenceRejection.damaged(detectedType: "image/png") }
        defer { png_image_free(&image) }
        let (width, height) = (Int(image.width), Int(image.height))
        try checkDimensions(width: width, height: height, limits: limits)
        guard width * height * 3 <= limits.decoderMemoryBytes else { throw EvidenceRejection.tooBigToDecode }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR)
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        var white = png_color(red: 255, green: 255, blue: 255)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, &white, $0.baseAddress, Int32(width * 3), nil)
        }
        guard finished != 0, image.warning_or_error & 2 == 0 else { throw EvidenceRejection.damaged(detectedType: "image/png") }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
