import CPangoCairo

/// Pango layouts on the letter's Cairo context: a text broken into lines at a width (so that a body can flow
/// across pages line by line), and each line drawn at a place. The layouts live until `release`.
final class TextSetter {
    let cr: OpaquePointer
    let font: String
    private var layouts: [OpaquePointer] = []

    struct Line {
        let line: UnsafeMutablePointer<PangoLayoutLine>
        let height: Double
        /// From the line's top to its baseline.
        let ascent: Double
    }

    struct PlacedLine {
        let page: Int
        let x: Double
        let top: Double
        let line: Line
    }

    init(cr: OpaquePointer, font: String) {
        self.cr = cr
        self.font = font
    }

    func lines(_ text: String, size: Double, bold: Bool, width: Double) -> [Line] {
        guard let layout = pango_cairo_create_layout(cr) else { return [] }
        layouts.append(layout)
        // Sizes are printers' points (1/72 inch, the PDF's unit), not Pango's default of 96 per inch, which set "10 pt"
        // a third larger than it says.
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        pango_layout_context_changed(layout)
        let description = pango_font_description_from_string("\(font) \(bold ? "Bold " : "")\(size)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        // The letter is in a left-to-right language: a line that is all Arabic (a name) is a right-to-left run inside
        // it, aligned like the lines around it (and copied out of the PDF as one word, not glyph by glyph).
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_text(layout, text, -1)
        return (0..<pango_layout_get_line_count(layout)).compactMap { index in
            guard let line = pango_layout_get_line_readonly(layout, index) else { return nil }
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_line_get_extents(line, &ink, &logical)
            return Line(
                line: line, height: Double(logical.height) / Double(PANGO_SCALE), ascent: Double(-logical.y) / Double(PANGO_SCALE))
        }
    }

    func draw(_ line: Line, x: Double, top: Double) {
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_move_to(cr, x, top + line.ascent)
        pango_cairo_show_layout_line(cr, line.line)
    }

    func release() {
        for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) }
        layouts = []
    }
}
