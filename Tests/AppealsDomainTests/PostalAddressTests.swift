import AppealsDomain
import Testing

/// Addresses as the post needs them, and the careful split of the one-field addresses kept before.
@Suite("Postal addresses in their parts")
struct PostalAddressTests {
    @Test func aUSAddressEndsWithCityStateAndZIPCodeOnOneLineInCapitals() {
        let address = PostalAddress(lines: ["29 Harbor Ave", " Apt 10 "], city: "Riverton", region: "RV", postalCode: "20501")
        #expect(address.envelopeLines == ["29 Harbor Ave", "Apt 10", "RIVERTON RV 20501"])
        #expect(address.problems.isEmpty)
    }

    @Test func anAddressAbroadEndsWithItsCountry() {
        let address = PostalAddress(
            lines: ["Friedrich-Wilhelm-Straße 134"], city: "Stuttgart", region: "", postalCode: "70173", country: "Germany")
        #expect(address.envelopeLines == ["Friedrich-Wilhelm-Straße 134", "70173 Stuttgart", "GERMANY"])
        #expect(address.problems.isEmpty)
    }

    @Test func eachMissingOrWrongPartIsNamed() {
        #expect(PostalAddress(lines: [], city: "", region: "", postalCode: "").problems == [.noStreet, .noCity, .noRegion, .noPostalCode])
        #expect(PostalAddress(lines: ["1 A St"], city: "R", region: "Riv", postalCode: "2050").problems == [.badRegion, .badPostalCode])
        #expect(PostalAddress(lines: ["1", "2", "3", "4", "5"], city: "R", region: "RV", postalCode: "20501").problems == [.tooManyLines])
        #expect(
            PostalAddress(lines: [String(repeating: "A", count: 101)], city: "R", region: "RV", postalCode: "20501").problems == [.tooLong])
        #expect(PostalAddress(lines: ["1 A St"], city: "Riverton\u{1b}", region: "RV", postalCode: "20501").problems == [.notPlainText])
    }

    @Test(arguments: [
        ("29 Harbor Ave, Apt 10, Riverton, RV 20501", ["29 Harbor Ave", "Apt 10", "RIVERTON RV 20501"]),
        ("12 Elm Street\nApt 4\nRiverton, RV 20501-4412", ["12 Elm Street", "Apt 4", "RIVERTON RV 20501-4412"]),
        ("7 New Road\r\nRiverton rv 20509", ["7 New Road", "RIVERTON RV 20509"]),
        ("1 Main St\nNew  York NY 10001", ["1 Main St", "NEW YORK NY 10001"]),
    ])
    func aOneFieldUSAddressIsSplit(text: String, lines: [String]) throws {
        #expect(try #require(PostalAddress.split(text)).envelopeLines == lines)
    }

    @Test(arguments: [
        "4 Harbour Road\nRiverton",  // no state or ZIP code
        "Riverton, RV 20501",  // no street
        "Friedrich-Wilhelm-Straße 134\n70173 Stuttgart\nGermany",  // abroad: not guessed
        "1 A St\n2 B St\n3 C St\n4 D St\n5 E St\nRiverton RV 20501",  // more street lines than an envelope takes
        "",
    ])
    func anAddressThatCannotBeSplitWithoutGuessingIsNot(text: String) {
        #expect(PostalAddress.split(text) == nil)
    }
}
