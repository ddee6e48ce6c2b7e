import AppealsLetters
import Foundation
import Testing

/// A print batch is one PDF for a duplex printer: every letter starts on a new sheet, so on an odd page.
@Suite("A print batch starts every letter on a new sheet")
struct PrintBatchWriterTests {
    @Test func twentyFiveLettersOfMixedLengthsEachStartOnAnOddPageAndThePagesAddUp() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = try PDFBatchWriter(url: file, renderer: LetterRenderer())
        var starts: [(page: Int, pages: Int, reference: String)] = []
        var next = 1
        for index in 0..<25 {
            var letter = LetterRendererTests.letter(paragraphs: [2, 40, 90, 5, 60][index % 5])
            letter.reference = String(format: "REF-%03d-XX", index)
            let pages = try writer.add(layout: try JSONEncoder().encode(letter))
            starts.append((next, pages, letter.reference))
            next += pages + pages % 2
        }
        let total = try writer.finish()
        let pdf = Array(try Data(contentsOf: file))
        let info = try LetterRendererTests.poppler("pdfinfo", [], pdf: pdf)
        #expect(info.contains(try Regex("Pages: +\(total)\n")), "\(info)")
        // Lengths really are mixed: one-, two- and three-page letters at least.
        #expect(Set(starts.map(\.pages)).count >= 3, "\(starts.map(\.pages))")
        #expect(total == next - 1)
        for start in starts {
            #expect(start.page % 2 == 1)
            let first = try LetterRendererTests.poppler("pdftotext", ["-f", "\(start.page)", "-l", "\(start.page)"], pdf: pdf)
            #expect(first.contains("\(start.reference) · Page 1 of \(start.pages)"), "page \(start.page): \(first.prefix(200))")
            if start.pages % 2 == 1 {
                // The back of its last sheet is blank.
                let blank = try LetterRendererTests.poppler(
                    "pdftotext", ["-f", "\(start.page + start.pages)", "-l", "\(start.page + start.pages)"], pdf: pdf)
                #expect(blank.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "\u{0C}"))).isEmpty)
            }
        }
    }
}
