import AppealsServices
import Foundation
import Testing

/// CSV a clerk or a supervisor opens in a spreadsheet: a field never starts a new row and never runs a formula.
@Suite("CSV fields stay in their cell and never run a formula")
struct CSVTextTests {
    /// Every line break Unicode knows: CR LF is one Swift `Character`, neither "\r" nor "\n".
    static let breaks = ["\r\n", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test(arguments: breaks)
    func aFieldWithAnyLineBreakIsQuotedSoItsNextLineIsNoRow(_ lineBreak: String) {
        let field = CSVText.field("Probe" + lineBreak + "=1+1")
        #expect(field == "\"Probe" + lineBreak + "=1+1\"", "\(field.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func aFieldThatLooksLikeAFormulaIsPrefixedAsBefore() {
        #expect(CSVText.field("=1+1") == "'=1+1")
        #expect(CSVText.field("+1") == "'+1")
        #expect(CSVText.field("-1") == "'-1")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("\tx") == "'\tx")
        #expect(CSVText.field("\r=1") == "\"'\r=1\"")
        #expect(CSVText.field("\r\n=1") == "\"'\r\n=1\"", "CR LF is a leading CR too")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("Ana Citizen") == "Ana Citizen")
        #expect(CSVText.line(["a", "b\r\nc"]) == "a,\"b\r\nc\"\r\n")
    }
}
