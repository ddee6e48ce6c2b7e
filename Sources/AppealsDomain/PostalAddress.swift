import Foundation

/// A postal address as the post needs it: the delivery lines (street and number, apartment, care of…), the city,
/// the state or region, the postal code, and the country when it is not the authority's.
///
/// Letters print it with ``envelopeLines``: in the United States the last line is "RIVERTON RV 20501", as the
/// Postal Service reads it.
public struct PostalAddress: Sendable, Equatable, Codable {
    /// Street lines, first to last, none empty.
    public var lines: [String]
    public var city: String
    /// The state (two letters in the United States) or region; may be empty abroad.
    public var region: String
    public var postalCode: String
    /// Empty for an address in the authority's own country.
    public var country: String

    /// Street lines an address may have (a window envelope shows about six lines in all).
    public static let maximumLines = 4

    public init(lines: [String], city: String, region: String, postalCode: String, country: String = "") {
        self.lines = lines.map(Self.tidy).filter { !$0.isEmpty }
        self.city = Self.tidy(city)
        self.region = Self.tidy(region)
        self.postalCode = Self.tidy(postalCode)
        self.country = Self.tidy(country)
    }

    /// Whether the address is in the authority's country (the United States by default).
    public var isDomestic: Bool { country.isEmpty }

    /// The lines under the recipient's name in the envelope's window.
    public var envelopeLines: [String] {
        if isDomestic {
            // USPS: city, state and ZIP code on one line, in capitals, without punctuation.
            let last = [city, region, postalCode].filter { !$0.isEmpty }.joined(separator: " ").uppercased()
            return lines + [last]
        }
        let place = [postalCode, city, region].filter { !$0.isEmpty }.joined(separator: " ")
        return lines + [place, country.uppercased()]
    }

    /// The address as one text, a line each (the case page, the search index, the audit trail).
    public var text: String { envelopeLines.joined(separator: "\n") }

    /// What is missing or wrong, field by field.
    public enum Problem: String, Sendable, CaseIterable {
        case noStreet, tooManyLines, noCity, noRegion, badRegion, noPostalCode, badPostalCode
        /// A line, the city, the region, the postal code or the country longer than any the post prints.
        case tooLong
        /// A control character or a line break inside a part (a street line, the city…), which no one types.
        case notPlainText
    }

    /// The longest line, city, region or country the portal keeps; a postal code is shorter still.
    public static let maximumLength = 100

    public var problems: Set<Problem> {
        var found: Set<Problem> = []
        if lines.isEmpty { found.insert(.noStreet) }
        if lines.count > Self.maximumLines { found.insert(.tooManyLines) }
        if city.isEmpty { found.insert(.noCity) }
        if (lines + [city, region, country]).contains(where: { $0.count > Self.maximumLength }) || postalCode.count > 20 {
            found.insert(.tooLong)
        }
        if (lines + [city, region, postalCode, country]).contains(where: { SingleLineText.hasBreakOrControl($0) }) {
            found.insert(.notPlainText)
        }
        if isDomestic {
            if region.isEmpty {
                found.insert(.noRegion)
            } else if region.count != 2 || !region.allSatisfy({ $0.isASCII && $0.isLetter }) {
                found.insert(.badRegion)
            }
            if postalCode.isEmpty {
                found.insert(.noPostalCode)
            } else if postalCode.wholeMatch(of: /[0-9]{5}(-[0-9]{4})?/) == nil {
                found.insert(.badPostalCode)
            }
        }
        return found
    }

    /// An address typed in one field (as the portal kept them before), split into its parts when that can be done
    /// without guessing: lines separated by line breaks or commas, the last of them a US "City, ST 12345" (or the
    /// city on a line of its own before "ST 12345"). Nil otherwise: a clerk checks it.
    public static func split(_ text: String) -> PostalAddress? {
        var parts = text.split(whereSeparator: \.isNewline).map { tidy(String($0)) }.filter { !$0.isEmpty }
        if parts.count == 1 { parts = parts[0].split(separator: ",").map { tidy(String($0)) }.filter { !$0.isEmpty } }
        // "Riverton, RV 20501" on one line splits into two parts at the comma: the same as the city on a line of its own.
        if let last = parts.last, last.contains(","), parts.count > 1 {
            parts.removeLast()
            parts += last.split(separator: ",").map { tidy(String($0)) }.filter { !$0.isEmpty }
        }
        guard let last = parts.popLast() else { return nil }
        let city: String, region: String, postalCode: String
        if let match = last.wholeMatch(of: /([A-Za-z]{2})\s+([0-9]{5}(?:-[0-9]{4})?)/) {
            guard let previous = parts.popLast() else { return nil }
            (city, region, postalCode) = (previous, String(match.1), String(match.2))
        } else if let match = last.wholeMatch(of: /(.+?)\s+([A-Za-z]{2})\s+([0-9]{5}(?:-[0-9]{4})?)/) {
            (city, region, postalCode) = (String(match.1), String(match.2), String(match.3))
        } else {
            return nil
        }
        let address = PostalAddress(lines: parts, city: city, region: region.uppercased(), postalCode: postalCode)
        return address.problems.isEmpty ? address : nil
    }

    /// Spaces at the ends removed and runs of spaces made one.
    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
