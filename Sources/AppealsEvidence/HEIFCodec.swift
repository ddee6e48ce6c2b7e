import AppealsServices
import CHeif
import CJPEG
import CPNG
import Foundation

/// libheif (HEIC photos from phones). libheif applies the file's rotation and mirroring while decoding.
enum HEIFCodec {
    static func decode(_ data: Data, mediaType: String, limits: EvidenceLimits) throws -> RGBImage {
        guard let context = heif_context_alloc() else { throw EvidenceRejection.tooBigToDecode }
        defer { heif_context_free(context) }
        let damaged = EvidenceRejection.damaged(detectedType: mediaType)
        let read = data.withUnsafeBytes { heif_context_read_from_memory(context, $0.baseAddress, $0.count, nil) }
        guard read.code == heif_error_Ok else { throw damaged }
        var handle: OpaquePointer?
        guard heif_context_get_primary_image_handle(context, &handle).code == heif_error_Ok, let handle else { throw damaged }
        defer { heif_image_handle_release(handle) }
        let (width, height) = (Int(heif_image_handle_get_width(handle)), Int(heif_image_handle_get_height(handle)))
        try checkDimensions(width: width, height: height, limits: limits)
        guard width * height * 3 <= limits.decoderMemoryBytes else { throw EvidenceRejection.tooBigToDecode }
        var decoded: OpaquePointer?
        guard heif_decode_image(handle, &decoded, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nil).code == heif_error_Ok,
            let decoded
        else { throw damaged }
        defer { heif_image_release(decoded) }
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane_readonly(decoded, heif_channel_interleaved, &stride) else { throw damaged }
        let (w, h) = (
            Int(heif_image_get_width(decoded, heif_channel_interleaved)), Int(heif_image_get_height(decoded, heif_channel_interleaved))
        )
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                (out.baseAddress! + y * w * 3).update(from: plane + y * Int(stride), count: w * 3)
            }
        }
        return RGBImage(width: w, height: h, pixels: pixels)
    }
}
