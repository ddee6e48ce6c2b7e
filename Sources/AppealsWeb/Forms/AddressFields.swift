import AppealsDomain
import AppealsServices

/// A postal address as typed into its fields on every form that takes one (the citizen's contact step, the staff's
/// intake and contact correction), kept as typed so that a page with an error shows it back: the street lines
/// (`address`, a line each), `city`, `region` (the state), `postal_code` and `country` (empty: the United States).
struct AddressFields: Codable, Sendable, Equatable {
    var street = ""
    var city = ""
    var region = ""
    var postalCode = ""
    var country = ""

    init() {}

    enum CodingKeys: String, CodingKey { case street, city, region, postalCode, country }

    /// A draft saved before addresses had parts holds the address as one text: it comes back in the street box, so an
    /// appeal in progress across the upgrade loses nothing.
    init(from decoder: any Decoder) throws {
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

    init(street: String?, city: String?, region: String?, postalCode: String?, country: String?) {
        self.street = (street ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        self.city = city ?? ""
        self.region = region ?? ""
        self.postalCode = postalCode ?? ""
        self.country = country ?? ""
    }

    /// The fields of a form (`address`, `city`, `region`, `postal_code`, `country`).
    init(_ fields: KeyedDecodingContainer<FormKey>) {
        self.init(
            street: fields.text("address"), city: fields.text("city"), region: fields.text("region"),
            postalCode: fields.text("postal_code"), country: fields.text("country"))
    }

    /// A stored address shown in the fields (a contact correction starts from the case's).
    init(_ details: AppealDetails) {
        if let address = details.address {
            self.init(
                street: address.lines.joined(separator: "\n"), city: address.city, region: address.region,
                postalCode: address.postalCode, country: address.country)
        } else {
            self.init(street: details.postalAddress, city: nil, region: nil, postalCode: nil, country: nil)
        }
    }

    var isEmpty: Bool { [street, city, region, postalCode, country].allSatisfy { $0.trimmingSpaces.isEmpty } }

    /// The address in its parts. A whole address typed (or filled in by the browser) into the street box alone is
    /// split when that can be done without guessing.
    var address: PostalAddress {
        let typed = PostalAddress(
            lines: street.split(whereSeparator: \.isNewline).map(String.init), city: city, region: region.uppercased(),
            postalCode: postalCode, country: country)
        if [city, region, postalCode, country].allSatisfy({ $0.trimmingSpaces.isEmpty }), let split = PostalAddress.split(street) {
            return split
        }
        return typed
    }

    /// What is wrong, field by field (nothing when the address is fine).
    var problems: Set<PostalAddress.Problem> { address.problems }

    /// The fields and their errors as the `partials/address-fields` template shows them; `prefix` keeps the ids
    /// apart on a page with another form (`contact_`).
    func view(prefix: String = "", problems: Set<PostalAddress.Problem>) -> View {
        View(fields: self, prefix: prefix, problems: problems)
    }

    struct View: Sendable, Encodable {
        let street, city, region, postalCode, country, prefix: String
        let noStreet, tooManyLines, tooLong, notPlainText, noCity, noRegion, badRegion, noPostalCode, badPostalCode: Bool
        let streetError, cityError, regionError, postalCodeError: Bool
        let hasErrors: Bool

        init(fields: AddressFields, prefix: String, problems: Set<PostalAddress.Problem>) {
            street = fields.street
            city = fields.city
            region = fields.region
            postalCode = fields.postalCode
            country = fields.country
            self.prefix = prefix
            noStreet = problems.contains(.noStreet)
            tooManyLines = problems.contains(.tooManyLines)
            tooLong = problems.contains(.tooLong)
            notPlainText = problems.contains(.notPlainText)
            noCity = problems.contains(.noCity)
            noRegion = problems.contains(.noRegion)
            badRegion = problems.contains(.badRegion)
            noPostalCode = problems.contains(.noPostalCode)
            badPostalCode = problems.contains(.badPostalCode)
            streetError = noStreet || tooManyLines || tooLong || notPlainText
            cityError = noCity
            regionError = noRegion || badRegion
            postalCodeError = noPostalCode || badPostalCode
            hasErrors = !problems.isEmpty
        }
    }
}
