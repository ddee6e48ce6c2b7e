import AppealsDomain

/// A postal address as typed into its fields on every form that takes one (the citizen's contact step, the staff's
/// intake and contact correction), kept as typed so that a page with an error shows it back: the street lines
/// (`address`, a line each), `city`, `region` (the state), `postal_code` and `country` (empty: the United States).
public struct AddressFields: Codable, Sendable, Equatable {
    public var street = ""
    public var city = ""
    public var region = ""
    public var postalCode = ""
    public var country = ""

    public init() {}

    public enum CodingKeys: String, CodingKey { case street, city, region, postalCode, country }

    /// A draft saved before addresses had parts holds the address as one text: it comes back in the street box, so an
    /// appeal in progress across the upgrade loses nothing.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(street: text, city: nil, region: nil, postalCode: nil, country: nil)
            return
        }
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            street: try fields.decode(String.self, forKey: .street), city: try fields.decode(String.self, forKey: .city),
            region: try fields.decode(String.self, forKey: .region), postalCode: try fields.decode(String.self, forKey: .postalCode),
            country: try fields.decode(String.self, forKey: .country))
    }

    public init(street: String?, city: String?, region: String?, postalCode: String?, country: String?) {
        self.street = (street ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        self.city = city ?? ""
        self.region = region ?? ""
        self.postalCode = postalCode ?? ""
        self.country = country ?? ""
    }

    /// A stored address shown in the fields (a contact correction starts from the case's).
    public init(_ details: AppealDetails) {
        if let address = details.address {
            self.init(
                street: address.lines.joined(separator: "\n"), city: address.city, region: address.region,
                postalCode: address.postalCode, country: address.country)
        } else {
            self.init(street: details.postalAddress, city: nil, region: nil, postalCode: nil, country: nil)
        }
    }

    public var isEmpty: Bool { [street, city, region, postalCode, country].allSatisfy { $0.trimmingSpaces.isEmpty } }

    /// The address in its parts. A whole address typed (or filled in by the browser) into the street box alone is
    /// split when that can be done without guessing.
    public var address: PostalAddress {
        let typed = PostalAddress(
            lines: street.split(whereSeparator: \.isNewline).map(String.init), city: city, region: region.uppercased(),
            postalCode: postalCode, country: country)
        if [city, region, postalCode, country].allSatisfy({ $0.trimmingSpaces.isEmpty }), let split = PostalAddress.split(street) {
            return split
        }
        return typed
    }

    /// What is wrong, field by field (nothing when the address is fine).
    public var problems: Set<PostalAddress.Problem> { address.problems }
}
