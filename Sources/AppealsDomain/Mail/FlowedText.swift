import Foundation

/// RFC 3676 `format=flowed`, because iPhone and Thunderbird wrap paragraphs with soft breaks that would otherwise
/// show up as ragged lines in the case history.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph = ""
        var open = false
        var paragraphDepth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            if open, depth != paragraphDepth {
                output.append(prefix(paragraphDepth) + paragraph)
                paragraph = ""
                open = false
            }
            let content = String(line)
            let soft = content.hasSuffix(" ") && content != "-- "
            let piece = soft && deleteSpace ? String(content.dropLast()) : content
            paragraph += piece
            open = true
            paragraphDepth = depth
            if !soft {
                output.append(prefix(depth) + paragraph)
                paragraph = ""
                open = false
            }
        }
        if open { output.append(prefix(paragraphDepth) + paragraph) }
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
