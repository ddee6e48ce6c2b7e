import AppealsServices
import AppealsWords
import CPangoCairo
import CQRencode

/// Lays a letter out on Cairo's PDF surface with Pango (line breaking, shaping and right-to-left text in any
/// script, with the DejaVu fonts embedded): the authority's name and return address, the recipient in the
/// envelope's window, the date, reference and ticket, then the body, which flows onto further pages, a QR code to
/// the status page, and "Page N of M" on every page.
///
/// Two passes: every line of the body is placed first (so the number of pages is known), then drawn.
public struct LetterRenderer: Sendable {
    public let paper: PaperFormat
    public let font: String

    public init(paper: PaperFormat = .usLetter, font: String = "DejaVu Sans") {
        self.paper = paper
        self.font = font
    }

    struct LetterError: Error { let detail: String }

    /// Points between the body's bottom and the sheet's edge: room for the page footer.
    static let footerSpace = 54.0
    static let qrModule = 2.0

    public func render(_ letter: LetterContent) throws -> RenderedLetter {
        let sink = PDFSink()
        guard
            let surface = cairo_pdf_surface_create_for_stream(
                { closure, bytes, length in
                    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                    Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(
                        contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                }, Unmanaged.passUnretained(sink).toOpaque(), paper.width, paper.height)
        else { throw LetterError(detail: "no PDF surface") }
        defer { cairo_surface_destroy(surface) }
        // The same letter gives the same bytes: the creation date is the letter's, not the clock's.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "\(letter.title) \(letter.reference)")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, letter.authorityName)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, (letter.dated ?? Self.undated) + "T00:00:00")
        guard let cr = cairo_create(surface) else { throw LetterError(detail: "no drawing context") }
        defer { cairo_destroy(cr) }
        let text = TextSetter(cr: cr, font: font)
        defer { text.release() }
        let pageCount = try draw(letter, cr: cr, text: text)
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw LetterError(detail: "the PDF was not written") }
        return RenderedLetter(pdf: sink.bytes, pageCount: pageCount)
    }

    /// The creation date of a letter without one (a preview or a test): fixed, never the clock's.
    static let undated = "2000-01-01"

    /// Draws the letter's pages (each ended with `cairo_show_page`); the number of pages.
    func draw(_ letter: LetterContent, cr: OpaquePointer, text: TextSetter) throws -> Int {
        let left = paper.margin
        let width = paper.width - 2 * paper.margin
        let bottom = paper.height - Self.footerSpace
        // The window first: a letter whose address cannot be set whole is not produced at all.
        let window = try windowLines(letter, text: text)

        // Pass 1: the body's lines, placed on pages. The first page's body starts below the window and the facts.
        var lines: [TextSetter.PlacedLine] = []
        var page = 0
        var y = paper.window.y + paper.window.height + 36
        func place(_ block: String, size: Double, bold: Bool, spaceAfter: Double) {
            for line in text.lines(block, size: size, bold: bold, width: width) {
                if y + line.height > bottom {
                    page += 1
                    y = paper.margin
                }
                lines.append(.init(page: page, x: left, top: y, line: line))
                y += line.height
            }
            y += spaceAfter
        }
        place(letter.title, size: 14, bold: true, spaceAfter: 10)
        for block in letter.blocks {
            switch block {
            case .heading(let words):
                y += 6
                place(words, size: 11, bold: true, spaceAfter: 4)
            case .paragraph(let words): place(words, size: 10, bold: false, spaceAfter: 8)
            case .item(let words): place("•  " + words, size: 10, bold: false, spaceAfter: 3)
            }
        }
        // The QR code and how to check the status, kept together.
        let qr = try QRMatrix(letter.statusURL)
        let qrSize = Double(qr.width) * Self.qrModule
        let frame = letter.frameWords
        let howTo = text.lines(frame.howToCheck, size: 10, bold: false, width: width - qrSize - 16)
        let howToHeight = max(qrSize, howTo.reduce(0) { $0 + $1.height })
        if y + howToHeight > bottom {
            page += 1
            y = paper.margin
        }
        let qrPage = page, qrTop = y
        let pageCount = page + 1

        // Pass 2: draw.
        for current in 0..<pageCount {
            if current == 0 { drawHeader(letter, window: window, text: text) }
            for placed in lines where placed.page == current { text.draw(placed.line, x: placed.x, top: placed.top) }
            if current == qrPage {
                qr.draw(on: cr, x: left, y: qrTop, module: Self.qrModule)
                var lineTop = qrTop
                for line in howTo {
                    text.draw(line, x: left + qrSize + 16, top: lineTop)
                    lineTop += line.height
                }
            }
            let footer = text.lines(
                "\(letter.reference) · Page \(current + 1) of \(pageCount)", size: 8, bold: false, width: width)
            for line in footer { text.draw(line, x: left, top: paper.height - 36) }
            cairo_show_page(cr)
        }
        return pageCount
    }

    /// The sizes the window's lines may be set at, largest first: 10 pt, and down to 8 pt for a long address.
    static let windowSizes: [Double] = [10, 9.5, 9, 8.5, 8]
    /// Room kept clear inside the window's edges (the sheet moves a little in the envelope).
    static let windowInset = 4.0

    /// The recipient's name and every line of the address, at the largest size at which all of them fit the window
    /// (a line is never dropped: the post needs the last one most).
    func windowLines(_ letter: LetterContent, text: TextSetter) throws -> [TextSetter.Line] {
        let entries = [letter.recipientName] + letter.recipientAddress
        let room = paper.window.height - 2 * Self.windowInset
        // Each line whole at the largest size that fits; failing that, a long line broken in two at the largest size.
        for wrapping in [false, true] {
            for size in Self.windowSizes {
                let set = entries.map { text.lines($0, size: size, bold: false, width: paper.window.width - 2 * Self.windowInset) }
                let lines = set.flatMap { $0 }
                if (wrapping || set.allSatisfy { $0.count == 1 }), lines.reduce(0, { $0 + $1.height }) <= room { return lines }
            }
        }
        throw LetterLayoutProblem.addressDoesNotFitWindow(lines: entries.count)
    }

    /// The first page's top: the authority and its return address, the recipient in the window (alone there), and
    /// the date, reference and ticket to the right of the window.
    func drawHeader(_ letter: LetterContent, window: [TextSetter.Line], text: TextSetter) {
        let left = paper.margin
        var top = paper.margin - 18
        for (index, words) in ([letter.authorityName] + letter.returnAddress).enumerated() {
            for line in text.lines(words, size: index == 0 ? 12 : 9, bold: index == 0, width: paper.window.width) {
                text.draw(line, x: left, top: top)
                top += line.height
            }
        }
        var windowTop = paper.window.y + Self.windowInset
        for line in window {
            text.draw(line, x: paper.window.x + Self.windowInset, top: windowTop)
            windowTop += line.height
        }
        let factsLeft = paper.window.x + paper.window.width + 24
        let factsWidth = paper.width - paper.margin - factsLeft
        var factsTop = paper.window.y + 4
        // Each fact under its name, the reference large enough to read out on the phone.
        let frame = letter.frameWords
        for (label, value) in [(frame.date, letter.date), (frame.caseReference, letter.reference), (frame.ticket, letter.ticketNumber)] {
            for (words, size, bold) in [(label, 8.0, false), (value, 10.0, true)] {
                for line in text.lines(words, size: size, bold: bold, width: factsWidth) {
                    text.draw(line, x: factsLeft, top: factsTop)
                    factsTop += line.height
                }
            }
            factsTop += 3
        }
    }
}

/// Where the PDF's bytes go as Cairo writes them.
final class PDFSink {
    var bytes: [UInt8] = []
}
