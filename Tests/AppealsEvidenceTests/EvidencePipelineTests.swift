import AppealsServices
import AppealsWords
import CJPEG
import Foundation
import Testing

@testable import AppealsEvidence

/// Every file of the corpus (Corpus/README.md says what each one is) gets its exact verdict.
@Suite struct EvidencePipelineTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    let pipeline = EvidencePipeline(threads: 1)

    func file(_ name: String) throws -> Data { try Data(contentsOf: Self.corpus.appendingPathComponent(name)) }

    func rejection(_ name: String, limits: EvidenceLimits = EvidenceLimits()) throws -> EvidenceRejection? {
        do {
            _ = try EvidencePipeline(limits: limits, threads: 1).sanitise(try file(name))
            return nil
        } catch let error as EvidenceRejection {
            return error
        }
    }

    @Test(arguments: 1...8)
    func everyExifOrientationComesOutUprightAndLandscape(orientation: Int) throws {
        let result = try pipeline.sanitise(try file("orientation-\(orientation).jpg"))
        #expect(result.kind == .photo && result.mediaType == "image/jpeg")
        #expect(result.pixelWidth == 120 && result.pixelHeight == 80)
        let display = try decode(result.display!)
        #expect(display.width == 120 && display.height == 80)
        #expect(display.isRed(x: 10, y: 10), "top left should be red")
        #expect(display.isBlue(x: 110, y: 70), "bottom right should be blue")
        #expect(display.isWhite(x: 110, y: 10) && display.isWhite(x: 10, y: 70))
    }

    @Test func gpsCameraAndXMPMetadataAreGoneFromEveryCopy() throws {
        let original = try file("gps.jpg")
        #expect(original.range(of: Data("Secret Person".utf8)) != nil, "the corpus file carries the metadata")
        let result = try pipeline.sanitise(original)
        for copy in [result.display!, result.thumbnail!] {
            let segments = JPEGSegments.markers(copy)
            #expect(!segments.contains { (0xE1...0xEF).contains($0) }, "no APP1–APP15 (EXIF, XMP, ICC …): \(segments)")
            #expect(!segments.contains(0xFE), "no comment segment")
            #expect(copy.range(of: Data("Exif".utf8)) == nil && copy.range(of: Data("iPhone".utf8)) == nil)
            #expect(copy.range(of: Data("Secret Person".utf8)) == nil)
        }
    }

    @Test(arguments: ["progressive.jpg", "cmyk.jpg", "greyscale.jpg", "photo.heic", "alpha.png"])
    func otherPhotoFormatsBecomeCleanUprightJPEGs(name: String) throws {
        let result = try pipeline.sanitise(try file(name))
        #expect(result.kind == .photo)
        let display = try decode(result.display!)
        #expect(display.width == 120 && display.height == 80)
        if name == "greyscale.jpg" {
            #expect(display.pixel(10, 10).0 < 140 && display.isWhite(x: 110, y: 10), "dark quadrant on white")
        } else {
            #expect(display.isRed(x: 10, y: 10), "top left should be red, is \(display.pixel(10, 10))")
            #expect(display.isWhite(x: 110, y: 10), "transparent or white stays white, is \(display.pixel(110, 10))")
        }
        #expect(JPEGSegments.markers(result.display!).allSatisfy { !(0xE1...0xEF).contains($0) && $0 != 0xFE })
    }

    @Test func detectedTypesAreRecordedFromTheBytes() throws {
        #expect(try pipeline.sanitise(try file("photo.heic")).mediaType == "image/heic")
        #expect(try pipeline.sanitise(try file("alpha.png")).mediaType == "image/png")
        let pdf = try pipeline.sanitise(try file("three-pages.pdf"))
        #expect(pdf.kind == .pdf && pdf.pageCount == 3 && pdf.display == nil)
        #expect(try pipeline.sanitise(try file("receipt.pdf")).pageCount == 1)
    }

    @Test func thumbnailsHaveALongestSideOf320AndDisplayCopiesAtMost2560() throws {
        // A 4000 × 3000 picture made here, so the test needs no large file.
        let big = RGBImage(width: 4_000, height: 3_000, pixels: [UInt8](repeating: 200, count: 4_000 * 3_000 * 3))
        let result = try pipeline.sanitise(try JPEGCodec.encode(big))
        let display = try decode(result.display!), thumbnail = try decode(result.thumbnail!)
        #expect(max(display.width, display.height) <= 2_560 && max(display.width, display.height) >= 2_000)
        #expect(thumbnail.width == 320 && thumbnail.height == 240)
        #expect(result.pixelWidth == 4_000 && result.pixelHeight == 3_000)
    }

    @Test func thePolyglotIsReencodedWithoutItsHTML() throws {
        let original = try file("polyglot.jpg")
        #expect(original.range(of: Data("<script>".utf8)) != nil)
        let result = try pipeline.sanitise(original)
        #expect(result.display!.range(of: Data("<script>".utf8)) == nil)
        #expect(result.thumbnail!.range(of: Data("<script>".utf8)) == nil)
    }

    @Test func hostileAndWrongFilesAreRejectedWithTheirReason() throws {
        #expect(try rejection("page.jpg") == .notAccepted(detectedType: "text/html"))
        #expect(try rejection("archive.jpg") == .notAccepted(detectedType: "application/zip"))
        #expect(
            try rejection("document.docx")
                == .notAccepted(
                    detectedType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        #expect(try rejection("html-header.jpg") == .damaged(detectedType: "image/jpeg"))
        #expect(try rejection("truncated.jpg") == .damaged(detectedType: "image/jpeg"))
        #expect(try rejection("fake.pdf") == .damaged(detectedType: "application/pdf"))
        #expect(try rejection("empty.jpg") == .empty)
        #expect(try rejection("huge-dimensions.png") == .sideTooLong(width: 100_000, height: 100_000, limit: 12_000))
        #expect(try rejection("many-scans.jpg") == .tooManyScans(limit: 100))
    }

    @Test func everyLimitIsConfigurable() throws {
        var limits = EvidenceLimits()
        limits.maxFileBytes = 500
        #expect(try rejection("gps.jpg", limits: limits) == .fileTooLarge(limitBytes: 500))
        limits = EvidenceLimits()
        limits.maxSide = 100
        #expect(try rejection("orientation-1.jpg", limits: limits) == .sideTooLong(width: 120, height: 80, limit: 100))
        limits = EvidenceLimits()
        limits.maxMegapixels = 0
        #expect(try rejection("alpha.png", limits: limits) == .tooManyPixels(width: 120, height: 80, limitMegapixels: 0))
        limits = EvidenceLimits()
        limits.maxPDFPages = 2
        #expect(try rejection("three-pages.pdf", limits: limits) == .tooManyPages(pages: 3, limit: 2))
        limits = EvidenceLimits()
        limits.maxProgressiveScans = 2_000
        #expect(try rejection("many-scans.jpg", limits: limits) == nil, "a valid file when the limit allows its scans")
    }

    @Test func rejectionsAreWordedForACitizen() {
        #expect(
            EvidenceMessages.text(for: .notAccepted(detectedType: "application/msword"))
                == "This file is a Word document. Please send a photo (JPEG, PNG or HEIC) or a PDF.")
        #expect(EvidenceMessages.text(for: .fileTooLarge(limitBytes: 15_000_000)).contains("15 MB"))
    }

    @Test func theThreadPoolReadsTheFileAndReturnsTheOriginalBytes() async throws {
        let (original, result) = try await pipeline.inspect(fileAt: Self.corpus.appendingPathComponent("receipt.pdf"))
        #expect(original == (try file("receipt.pdf")))
        #expect(result.kind == .pdf)
    }

    // MARK: - Reading the output back

    struct Decoded: CustomStringConvertible {
        let width: Int, height: Int, pixels: [UInt8]
        var description: String { "\(width)×\(height) image" }
        func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let i = (y * width + x) * 3
            return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
        }
        func isRed(x: Int, y: Int) -> Bool { let p = pixel(x, y); return p.0 > 200 && p.1 < 60 && p.2 < 60 }
        func isBlue(x: Int, y: Int) -> Bool { let p = pixel(x, y); return p.0 < 60 && p.1 < 60 && p.2 > 200 }
        func isWhite(x: Int, y: Int) -> Bool { let p = pixel(x, y); return p.0 > 220 && p.1 > 220 && p.2 > 220 }
    }

    func decode(_ jpeg: Data) throws -> Decoded {
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        var message = [CChar](repeating: 0, count: 200)
        let status = jpeg.withUnsafeBytes {
            evj_decode_rgb(
                $0.bindMemory(to: UInt8.self).baseAddress, $0.count, 8, evj_limits(max_scans: 100, max_memory: 1 << 28),
                &pixels, &width, &height, &message, 200)
        }
        try #require(
            status == 0, "output decodes: \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        defer { evj_free(pixels) }
        return Decoded(
            width: Int(width), height: Int(height),
            pixels: Array(UnsafeBufferPointer(start: pixels, count: Int(width * height * 3))))
    }
}

/// The marker bytes of a JPEG's segments up to the image data.
enum JPEGSegments {
    static func markers(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        var markers: [UInt8] = []
        var i = 2
        while i + 4 <= bytes.count, bytes[i] == 0xFF, bytes[i + 1] != 0xDA {
            markers.append(bytes[i + 1])
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        return markers
    }
}
