import AppealsServices
import Testing

@Suite("The SMS provider's webhook signature")
struct TextSignatureTests {
    // The example of the provider's request-validation documentation (auth token 12345).
    static let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    static let parameters: [(name: String, value: String)] = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"), ("From", "+14158675309"), ("To", "+18005551212"),
    ]
    let signature = TextSignature(authToken: "12345")

    @Test func matchesTheProvidersPublishedExampleWhateverTheOrderOfTheParameters() {
        #expect(signature.sign(url: Self.url, parameters: Self.parameters) == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        #expect(signature.verify("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.url, parameters: Self.parameters.reversed()))
    }

    @Test func signsEveryValueOfARepeatedParameterSorted() {
        let repeated: [(name: String, value: String)] = [
            ("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"), ("Digits", "1234"),
        ]
        #expect(signature.sign(url: Self.url, parameters: repeated) == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func refusesAChangedValueURLOrKey() {
        var changed = Self.parameters
        changed[2].value = "9999"
        #expect(!signature.verify("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.url, parameters: changed))
        #expect(!signature.verify("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.url + "&x=1", parameters: Self.parameters))
        #expect(!TextSignature(authToken: "12346").verify("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.url, parameters: Self.parameters))
        #expect(!signature.verify("", url: Self.url, parameters: Self.parameters))
    }

    @Test(arguments: [
        ("STOP", TextKeyword.stop), ("Stop.", .stop), (" unsubscribe\n", .stop), ("cancel!", .stop), ("help", .help), ("INFO", .help),
    ])
    func aWholeTextThatIsAKeywordIsOne(text: String, keyword: TextKeyword) {
        #expect(TextKeyword(text) == keyword)
    }

    @Test(arguments: ["stop sending me these", "Please help", "", "STOP STOP"])
    func aMessageThatMentionsAKeywordIsAMessage(text: String) {
        #expect(TextKeyword(text) == nil)
    }
}
