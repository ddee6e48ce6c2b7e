import Foundation

/// A mobile number in E.164 form ("+12125550123"), from what a person typed.
public struct MobileNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let e164: String

    /// Spaces, dashes, dots and brackets are ignored; a number without "+" is read in the default country
    /// (calling code without "+", e.g. "1"); a leading "00" is read as "+".
    public init?(_ raw: String, defaultCallingCode: String) {
        var text = raw.filter { !" -.()/\t".contains($0) }
        if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
        var digits: String
        if text.hasPrefix("+") {
            digits = String(text.dropFirst())
        } else {
            if defaultCallingCode == "1", text.count == 11, text.hasPrefix("1") { text.removeFirst() }
            if text.hasPrefix("0") { text.removeFirst() }  // trunk prefix in many countries
            digits = defaultCallingCode + text
        }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), (8...15).contains(digits.count),
            digits.first != "0"
        else { return nil }
        if digits.hasPrefix("1") { guard digits.count == 11 else { return nil } }
        e164 = "+" + digits
    }

    public var description: String { e164 }
}
