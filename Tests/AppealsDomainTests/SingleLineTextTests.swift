import AppealsDomain
import Foundation
import Testing

@Suite("Single-line text: no line break of any kind, no control character")
struct SingleLineTextTests {
    @Test(arguments: [
        "\r\n", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{0B}", "\u{0C}", "\u{80}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}",
    ])
    func aLineBreakOrAControlCharacterAnywhereIsFound(_ bad: String) {
        for text in [bad, "Ana" + bad, bad + "Ana", "Nguyễn" + bad + "Ánh"] {
            #expect(SingleLineText.hasBreakOrControl(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Names in any script, with the punctuation names have, are one line.
    @Test(arguments: [
        "Ana Citizen", "Nguyễn Thị Ánh", "Łukasz Żółć", "O’Brien-Smith", "José María", "محمد", "李小龙", "Zoë 😀", "\u{A0}", "\u{2027}",
        "\u{202A}", "", "=1+1",
    ])
    func ordinaryTextIsOneLine(_ text: String) {
        #expect(!SingleLineText.hasBreakOrControl(text), "\(text)")
    }

    @Test func textThatMaySpanLinesLetsCRAndLFThroughButNoOtherControlCharacter() {
        #expect(!SingleLineText.hasBreakOrControl("Market Sq\r\n(north side)\n", allowingLineFeeds: true))
        for bad in ["\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(SingleLineText.hasBreakOrControl("Market" + bad + "Sq", allowingLineFeeds: true))
        }
    }
}
