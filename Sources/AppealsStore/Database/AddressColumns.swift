import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// A postal address in the `appeals` row's columns (migration 0021): the street lines (one text, a line each), the
/// city, the state or region, the postal code and the country. An address that could not be split from the one
/// field kept before has NULL parts and `address_to_check` set, for a clerk.
enum AddressColumns {
    static let names = ["address_lines", "address_city", "address_region", "address_postal_code", "address_country", "address_to_check"]

    static func values(_ address: PostalAddress?) -> [any Encodable & Sendable] {
        guard let address else { return [String?.none, String?.none, String?.none, String?.none, String?.none, true] }
        return [address.lines.joined(separator: "\n"), address.city, address.region, address.postalCode, address.country, false]
    }

    /// Sets the address's columns in an update of `appeals` (not `postal_address`: the caller sets the text).
    static func set(_ address: PostalAddress?, on update: SQLUpdateBuilder) -> SQLUpdateBuilder {
        zip(names, values(address)).reduce(update) { $0.set(SQLIdentifier($1.0), to: SQLBind($1.1)) }
    }

    static func decode(_ row: any SQLRow) throws -> PostalAddress? {
        guard let city = try row.decode(column: "address_city", as: String?.self) else { return nil }
        return PostalAddress(
            lines: (try row.decode(column: "address_lines", as: String?.self) ?? "").split(separator: "\n").map(String.init),
            city: city, region: try row.decode(column: "address_region", as: String?.self) ?? "",
            postalCode: try row.decode(column: "address_postal_code", as: String?.self) ?? "",
            country: try row.decode(column: "address_country", as: String?.self) ?? "")
    }

    /// Migration 0021's data step: each appeal's one-field address split into its parts where that can be done
    /// without guessing (``PostalAddress/split(_:)``); the rest marked for a clerk to check. Runs in the migration's
    /// transaction, a thousand appeals at a time.
    static func splitStoredAddresses(on db: any SQLDatabase) async throws {
        var after = ""
        while true {
            let rows = try await db.raw(
                "SELECT case_reference, postal_address FROM appeals WHERE case_reference > \(bind: after) ORDER BY case_reference LIMIT 1000"
            ).all()
            guard let last = rows.last else { return }
            for row in rows {
                let reference = try row.decode(column: "case_reference", as: String.self)
                let text = try row.decode(column: "postal_address", as: String.self)
                let split = PostalAddress.split(text)
                try await set(split, on: db.update("appeals").set("postal_address", to: SQLBind(split?.text ?? text)))
                    .where("case_reference", .equal, SQLBind(reference)).run()
            }
            after = try last.decode(column: "case_reference", as: String.self)
        }
    }
}
