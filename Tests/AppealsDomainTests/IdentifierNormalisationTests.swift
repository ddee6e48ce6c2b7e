import AppealsDomain
import Testing

@Suite("Ticket numbers and plates are normalised the same way everywhere")
struct IdentifierNormalisationTests {
    @Test(arguments: [
        ("PCN12345678", "PCN12345678"),
        ("pcn 1234-5678", "PCN12345678"),
        ("  pcn-1234 5678 ", "PCN12345678"),
        ("Pcn.1234/5678", "PCN12345678"),
        ("pcn\u{2013}12345678", "PCN12345678"),
    ])
    func ticketNumberIgnoresCaseSpacesAndDashes(raw: String, expected: String) {
        #expect(TicketNumber(raw)?.value == expected)
    }

    @Test(arguments: ["", "   ", "---", "PCN#1234", "PCN_1234", "ÄBC123", "123456789012345678901"])
    func ticketNumberRefusesWhatCannotBeOne(raw: String) {
        #expect(TicketNumber(raw) == nil)
    }

    @Test func ticketNumbersEqualAfterNormalisation() {
        #expect(TicketNumber("ab-12") == TicketNumber("AB 12"))
    }

    @Test(arguments: [("ab12 cde", "AB12CDE"), ("AB-12-CDE", "AB12CDE"), ("7xyz123", "7XYZ123")])
    func plateIgnoresCaseSpacesAndDashes(raw: String, expected: String) {
        #expect(PlateNumber(raw)?.value == expected)
    }

    @Test func plateDoesNotGuessBetweenLookAlikeCharacters() {
        #expect(PlateNumber("AB0 123") != PlateNumber("ABO 123"))
        #expect(PlateNumber("I11") != PlateNumber("111"))
    }

    @Test(arguments: ["", "ABCDEFGHIJK", "AB@12"])
    func plateRefusesWhatCannotBeOne(raw: String) {
        #expect(PlateNumber(raw) == nil)
    }

    @Test func plateRegionIsUpperCased() {
        #expect(PlateRegion(" ny ")?.value == "NY")
    }
}

@Suite("Contact details are validated and normalised")
struct ContactDetailsTests {
    @Test(arguments: [
        ("(212) 555-0123", "+12125550123"), ("212.555.0123", "+12125550123"), ("1 212 555 0123", "+12125550123"),
        ("+44 7700 900123", "+447700900123"), ("0044 7700 900123", "+447700900123"),
    ])
    func mobileNumbersBecomeE164(raw: String, expected: String) {
        #expect(MobileNumber(raw, defaultCallingCode: "1")?.e164 == expected)
    }

    @Test(arguments: ["", "555-0123", "phone me", "+1 212 555 01234", "12345"])
    func notAMobileNumber(raw: String) {
        #expect(MobileNumber(raw, defaultCallingCode: "1") == nil)
    }

    @Test func emailAddressesThatCannotBeDeliveredAreRefused() {
        #expect(EmailAddress(" ana@example.org ")?.value == "ana@example.org")
        for bad in ["ana", "ana@", "@example.org", "ana@example", "ana @example.org", "a@b@c.org", "ana@.org"] {
            #expect(EmailAddress(bad) == nil, "\(bad)")
        }
    }

    /// An email address goes into message headers and CSV exports on one line: an invisible control character is
    /// refused like a line break (which is whitespace, refused already).
    @Test(arguments: [
        "a\u{1B}na@example.org", "ana@exa\u{7F}mple.org", "ana@example.org\u{0}", "ana\u{9B}@example.org", "ana\u{2028}x@example.org",
    ])
    func anEmailAddressWithAControlCharacterIsRefused(raw: String) {
        #expect(EmailAddress(raw) == nil, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
    }
}
