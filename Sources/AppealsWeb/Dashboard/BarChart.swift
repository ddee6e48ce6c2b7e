import AppealsWords
import Foundation

/// A horizontal bar chart drawn on the server as SVG (`partials/bar-chart.mustache`): for each category the
/// period's bar and, lighter beneath it, the previous period's. It has a title and a description, and the page
/// shows the same numbers in a table beside it, so a screen reader and a printout have them too.
struct BarChart: Sendable, Encodable {
    let id: String
    let title: String
    let description: String
    let height: Int
    let bars: [Bar]
    let labels: [CategoryLabel]
    let legendY: Int

    struct Bar: Sendable, Encodable {
        let y: Int
        let width: Double
        let previous: Bool
        let valueX: Double
        let valueY: Int
        let value: String
    }

    struct CategoryLabel: Sendable, Encodable {
        let y: Int
        let label: MeasureLabel
    }

    struct Category {
        let label: MeasureLabel
        let current: Double
        let previous: Double
        let currentText: String
        let previousText: String
    }

    /// Each category: its words on a line, then the two bars under them, full width.
    static let barArea = 500.0
    static let rowHeight = 58

    /// `scale`: the value of a full bar (100 for percentages), or nil for the largest value shown.
    init(id: String, title: String, description: String, categories: [Category], scale: Double? = nil) {
        self.id = id
        self.title = title
        self.description = description
        let top = max(scale ?? categories.map { max($0.current, $0.previous) }.max() ?? 0, 1)
        var bars: [Bar] = []
        var labels: [CategoryLabel] = []
        for (index, category) in categories.enumerated() {
            let y = index * Self.rowHeight
            labels.append(CategoryLabel(y: y + 14, label: category.label))
            for (offset, value, text, previous) in [
                (20, category.current, category.currentText, false), (38, category.previous, category.previousText, true),
            ] {
                let width = (max(value, 0) / top * Self.barArea * 10).rounded() / 10
                bars.append(Bar(y: y + offset, width: width, previous: previous, valueX: width + 6, valueY: y + offset + 12, value: text))
            }
        }
        self.bars = bars
        self.labels = labels
        legendY = categories.count * Self.rowHeight + 6
        height = legendY + 10
    }
}

/// What a row of a dashboard table or a chart's category is: words from the fact's own partial
/// (`partials/measure-label.mustache`), or plain text (an age, a reviewer's name).
struct MeasureLabel: Sendable, Encodable {
    var labelText: String?
    var lState: Label?
    var lGround: Label?
    var lChannel: Label?
    var lDeadline: Label?
    var lConclusion: Label?

    static func text(_ text: String) -> Self { Self(labelText: text) }
}
