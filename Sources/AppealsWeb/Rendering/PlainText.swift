/// Rendered template markup as plain text, for the API: tags dropped, the entities Mustache escapes put back,
/// runs of white space made one space.
enum PlainText {
    static func from(html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var index = html.startIndex
        while index < html.endIndex {
            let c = html[index]
            if inTag {
                if c == ">" { inTag = false }
            } else if c == "<" {
                inTag = true
            } else if c.isWhitespace {
                pendingSpace = !text.isEmpty
            } else {
                if pendingSpace { text.append(" ") }
                pendingSpace = false
                if c == "&", let end = html[index...].firstIndex(of: ";"), html.distance(from: index, to: end) <= 6,
                    let entity = entities[String(html[html.index(after: index)..<end])]
                {
                    text.append(entity)
                    index = html.index(after: end)
                    continue
                }
                text.append(c)
            }
            index = html.index(after: index)
        }
        return text
    }

    static let entities: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "#x27": "'", "#34": "\"", "#x2F": "/", "#61": "=", "#96": "`",
    ]
}
