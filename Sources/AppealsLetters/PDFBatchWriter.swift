import AppealsServices
import CPangoCairo
import Foundation

/// A print batch's PDF, written to a file by Cairo as letters are added (pages go out as they are drawn, so that
/// memory stays flat however many letters there are). Each letter starts on a new sheet: after a letter with an odd
/// number of pages comes a blank back page, for duplex printers.
public final class PDFBatchWriter: PrintBatchWriter {
    let renderer: LetterRenderer
    let surface: OpaquePointer
    let cr: OpaquePointer
    let text: TextSetter
    let decoder = JSONDecoder()
    var pages = 0
    var finished = false

    public init(url: URL, renderer: LetterRenderer) throws {
        self.renderer = renderer
        guard let surface = cairo_pdf_surface_create(url.path, renderer.paper.width, renderer.paper.height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw LetterRenderer.LetterError(detail: "no PDF surface at \(url.path)") }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw LetterRenderer.LetterError(detail: "no drawing context")
        }
        self.surface = surface
        self.cr = cr
        text = TextSetter(cr: cr, font: renderer.font)
    }

    deinit {
        text.release()
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    public func add(layout: Data) throws -> Int {
        let letter = try decoder.decode(LetterContent.self, from: layout)
        let letterPages = try renderer.draw(letter, cr: cr, text: text)
        // The letter's layouts are drawn: free them now, or a batch of 10,000 letters holds a gigabyte of them.
        text.release()
        pages += letterPages
        if letterPages % 2 == 1 {
            cairo_show_page(cr)
            pages += 1
        }
        return letterPages
    }

    public func finish() throws -> Int {
        guard !finished else { return pages }
        finished = true
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw LetterRenderer.LetterError(detail: "the PDF was not written")
        }
        return pages
    }
}
