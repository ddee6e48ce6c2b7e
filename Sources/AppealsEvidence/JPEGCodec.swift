import AppealsServices
import CHeif
import CJPEG
import CPNG
import Foundation

/// Reads an image's size from its header, before anything is decoded, and refuses it when it is over a limit.
func checkDimensions(width: Int, height: Int, limits: EvidenceLimits) throws {
    if width > limits.maxSide || height > limits.maxSide {
        throw EvidenceRejection.sideTooLong(width: width, height: height, limit: limits.maxSide)
    }
    if width * height > limits.maxMegapixels * 1_000_000 {
        throw EvidenceRejection.tooManyPixels(width: width, height: height, limitMegapixels: limits.maxMegapixels)
    }
}

/// libjpeg-turbo through the CJPEG shim (which turns libjpeg's longjmp errors and warnings into return codes).
enum JPEGCodec {
    /// Decodes at the largest DCT scale (n/8) whose longest side is at most `longest`, so a 12-megapixel photo is
    /// decoded straight to display size instead of full size and shrunk.
    static func decode(_ data: Data, fitting longest: Int, limits: EvidenceLimits) throws -> (image: RGBImage, width: Int, height: Int) {
        var header = evj_header()
        var message = [CChar](repeating: 0, count: 200)
        let read = data.withUnsafeBytes { evj_read_header($0.bindMemory(to: UInt8.self).baseAddress, $0.count, &header, &message, 200) }
        guard read == 0 else { throw EvidenceRejection.damaged(detectedType: "image/jpeg") }
        try checkDimensions(width: Int(header.width), height: Int(header.height), limits: limits)
        let side = Int(max(header.width, header.height))
        let scale = (1...8).last { (side * $0 + 7) / 8 <= longest } ?? 1
        let scaledPixels = (Int(header.width) * scale / 8 + 1) * (Int(header.height) * scale / 8 + 1) * 3
        guard scaledPixels <= limits.decoderMemoryBytes else { throw EvidenceRejection.tooBigToDecode }

        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        let jpegLimits = evj_limits(max_scans: Int32(limits.maxProgressiveScans), max_memory: limits.decoderMemoryBytes)
        let status = data.withUnsafeBytes {
            evj_decode_rgb(
                $0.bindMemory(to: UInt8.self).baseAddress, $0.count, Int32(scale), jpegLimits,
                &pixels, &width, &height, &message, 200)
        }
        guard status == 0, let pixels else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text == "too many progressive scans" { throw EvidenceRejection.tooManyScans(limit: limits.maxProgressiveScans) }
            throw EvidenceRejection.damaged(detectedType: "image/jpeg")
        }
        defer { evj_free(pixels) }
        let count = Int(width) * Int(height) * 3
        let image = RGBImage(width: Int(width), height: Int(height), pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        return (image, Int(header.width), Int(header.height))
    }

    static func encode(_ image: RGBImage, quality: Int = 85) throws -> Data {
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 200)
        let status = image.pixels.withUnsafeBufferPointer {
            evj_encode_rgb($0.baseAddress, Int32(image.width), Int32(image.height), Int32(quality), &output, &size, &message, 200)
        }
        guard status == 0, let output else {
            throw EncodingFailed(message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { evj_free(output) }
        return Data(bytes: output, count: Int(size))
    }

    struct EncodingFailed: Error { let message: String }
}
