import Testing

@testable import AppealsDomain

@Suite("What a phone agent types is read every way it could be meant")
struct SearchQueryTests {
    static func readings(_ text: String) -> [SearchQuery] { SearchQuery.readings(of: text, defaultCallingCode: "1") }

    @Test func oneWordIsASurnameWithoutItsAccents() {
        #expect(Self.readings("Żółć").contains(.surname("zolc")))
        #expect(!Self.readings("Żółć").contains { if case .name = $0 { true } else { false } })
    }

    @Test func severalWordsAreANameWhoseFirstWordsNarrowTheSurname() {
        #expect(Self.readings("José  Muñoz") == [.name(surname: "munoz", given: ["jose"])])
        #expect(Self.readings("jean-luc o'brien").contains(.name(surname: "o'brien", given: ["jeanluc"])))
        // Punctuation alone is no word.
        #expect(Self.readings("- Muñoz").contains(.surname("munoz")))
    }

    @Test func aNameIsKeptAsItsFoldedWordsEachAfterASpace() {
        #expect(SearchQuery.nameKey("Jean-Luc  O'Brien") == " jeanluc obrien")
        #expect(SearchQuery.nameKey("Łukasz Żółć") == " lukasz zolc")
        #expect(SearchQuery.surnameKey("Łukasz Żółć") == "zolc")
    }
}
