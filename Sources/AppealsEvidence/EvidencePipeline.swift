import AppealsServices
import Foundation
import NIOCore
import NIOPosix

/// Identifies every uploaded file by its bytes and sanitises it: photos (JPEG, PNG, HEIC) are decoded, turned
/// upright and re-encoded as JPEG without any metadata, as a display copy and a thumbnail; PDFs are checked and
/// kept as they are. Decoding runs on a small thread pool sized to the cores, so twenty uploads at once queue
/// instead of decoding twenty photos at once (and off Swift's cooperative threads, which it would block).
public final class EvidencePipeline: EvidenceInspector {
    public static let displaySide = 2_560
    public static let thumbnailSide = 320

    let limits: EvidenceLimits
    let identifier = ContentIdentifier()
    private let pool: NIOThreadPool

    public init(limits: EvidenceLimits = EvidenceLimits(), threads: Int = System.coreCount) {
        self.limits = limits
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    deinit { pool.shutdownGracefully { _ in } }

    public func inspect(fileAt url: URL) async throws -> (original: Data, result: SanitisedEvidence) {
        try await pool.runIfActive { [self] in
            let data = try Data(contentsOf: url)
            return (data, try sanitise(data))
        }
    }

    /// The whole pipeline for one file, synchronously (on the caller's thread).
    public func sanitise(_ data: Data) throws -> SanitisedEvidence {
        if data.isEmpty { throw EvidenceRejection.empty }
        guard data.count <= limits.maxFileBytes else { throw EvidenceRejection.fileTooLarge(limitBytes: limits.maxFileBytes) }
        let type = identifier.mediaType(of: data)
        let image: RGBImage
        let size: (width: Int, height: Int)
        switch type {
        case "image/jpeg":
            let orientation = ExifOrientation.read(jpeg: [UInt8](data.prefix(128 * 1024)))
            let decoded = try JPEGCodec.decode(data, fitting: Self.displaySide, limits: limits)
            image = decoded.image.oriented(orientation)
            size = orientation >= 5 ? (decoded.height, decoded.width) : (decoded.width, decoded.height)
        case "image/png":
            image = try PNGCodec.decode(data, limits: limits)
            size = (image.width, image.height)
        case "image/heic", "image/heif":
            image = try HEIFCodec.decode(data, mediaType: type, limits: limits)
            size = (image.width, image.height)
        case "application/pdf":
            return SanitisedEvidence(kind: .pdf, mediaType: type, pageCount: try PDFCheck.pageCount(data, limits: limits))
        default:
            throw EvidenceRejection.notAccepted(detectedType: type)
        }
        let display = image.fitted(within: Self.displaySide)
        let thumbnail = display.fitted(within: Self.thumbnailSide)
        return SanitisedEvidence(
            kind: .photo, mediaType: type, pixelWidth: size.width, pixelHeight: size.height,
            display: try JPEGCodec.encode(display), thumbnail: try JPEGCodec.encode(thumbnail)
        )
    }
}
