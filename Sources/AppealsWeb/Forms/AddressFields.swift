import AppealsDomain
import AppealsServices

/// The address fields of a form, and the view the `partials/address-fields` template shows them with.
extension AddressFields {
    /// The fields of a form (`address`, `city`, `region`, `postal_code`, `country`).
    init(_ fields: KeyedDecodingContainer<FormKey>) {
        self.init(
            street: fields.text("address"), city: fields.text("city"), region: fields.text("region"),
            postalCode: fields.text("postal_code"), country: fields.text("country"))
    }

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
