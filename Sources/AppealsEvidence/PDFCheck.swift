import AppealsServices
import Foundation

/// A PDF is kept as it came (never rendered for anyone), but only when it has a PDF's structure: the header,
/// a cross-reference (`startxref`) and the end marker. Its page count is read from the page tree.
enum PDFCheck {
    static func pageCount(_ data: Data, limits: EvidenceLimits) throws -> Int {
        let bytes = [UInt8](data)
        let tail = bytes.suffix(2_048)
        guard bytes.starts(with: Array("%PDF-".utf8)), tail.firstRange(of: Array("%%EOF".utf8)) != nil,
            tail.firstRange(of: Array("startxref".utf8)) != nil
        else {
            throw EvidenceRejection.damaged(detectedType: "application/pdf")
        }
        // The root /Pages node's /Count is the largest /Count in the file. (Object streams can hide the
        // individual /Page objects, so they are counted only when no /Count is readable.)
        let counts = numbers(after: "/Count", in: bytes)
        let pages = counts.max() ?? pageObjects(in: bytes)
        guard pages > 0 else { throw EvidenceRejection.damaged(detectedType: "application/pdf") }
        guard pages <= limits.maxPDFPages else { throw EvidenceRejection.tooManyPages(pages: pages, limit: limits.maxPDFPages) }
        return pages
    }

    private static func numbers(after keyword: String, in bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        var rest = bytes[...]
        while let range = rest.firstRange(of: Array(keyword.utf8)) {
            var i = range.upperBound
            while i < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
            var value = 0, digits = 0
            while i < bytes.endIndex, (0x30...0x39).contains(bytes[i]), digits < 8 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            if digits > 0 { found.append(value) }
            rest = bytes[i...]
        }
        return found
    }

    private static func pageObjects(in bytes: [UInt8]) -> Int {
        var count = 0
        var rest = bytes[...]
        while let range = rest.firstRange(of: Array("/Page".utf8)) {
            let next = range.upperBound < bytes.endIndex ? bytes[range.upperBound] : 0
            if next != UInt8(ascii: "s") { count += 1 }
            rest = bytes[range.upperBound...]
        }
        return count
    }
}
