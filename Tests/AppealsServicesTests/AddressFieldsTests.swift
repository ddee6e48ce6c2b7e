import AppealsServices
import Foundation
import Testing

@Suite("An address typed into its fields")
struct AddressFieldsTests {
    @Test func aDraftSavedWithAOneTextAddressKeepsItInTheStreetBox() throws {
        let json = #"{"address":"12 Elm Street\nRiverton RV 20501","name":"Ana"}"#
        struct Saved: Decodable { let address: AddressFields }
        let saved = try JSONDecoder().decode(Saved.self, from: Data(json.utf8))
        #expect(saved.address.street == "12 Elm Street\nRiverton RV 20501")
        #expect(saved.address.address.envelopeLines == ["12 Elm Street", "RIVERTON RV 20501"])
    }

    @Test func fieldsSurviveADraftsRoundTrip() throws {
        let fields = AddressFields(street: "1 A St\r\nApt 2", city: "Riverton", region: "rv", postalCode: "20501", country: nil)
        let back = try JSONDecoder().decode(AddressFields.self, from: try JSONEncoder().encode(fields))
        #expect(back == fields)
        #expect(back.address.envelopeLines == ["1 A St", "Apt 2", "RIVERTON RV 20501"])
    }
}
