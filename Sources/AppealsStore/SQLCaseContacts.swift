import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// The citizen's contact details in the `appeals` row, corrected with the audit event in one transaction.
public struct SQLCaseContacts: CaseContacts {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func contact(of reference: CaseReference) async throws -> AppealDetails? {
        try await database.withConnection { try await Self.appeal(reference, on: $0) }
    }

    public func correctContact(of reference: CaseReference, to details: AppealDetails, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await AddressColumns.set(details.address, on: db.update("appeals"))
                .set("contact_name", to: SQLBind(details.contactName)).set("postal_address", to: SQLBind(details.postalAddress))
                .set("email", to: SQLBind(details.email)).set("mobile_e164", to: SQLBind(details.mobile))
                .set("preferred_channel", to: SQLBind(details.preferredChannel.rawValue))
                .set("surname_key", to: SQLBind(SearchQuery.surnameKey(details.contactName)))
                .set("name_key", to: SQLBind(SearchQuery.nameKey(details.contactName)))
                .where("case_reference", .equal, SQLBind(reference.value)).run()
            // A letter that could not be produced for the old address is made again for the new one.
            try await db.update("letters").set("status", to: SQLBind("queued")).set("problem", to: SQLLiteral.null)
                .where("case_reference", .equal, SQLBind(reference.value)).where("status", .equal, SQLBind("failed")).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func textsStopped(_ mobile: String) async throws -> Bool {
        try await database.withConnection { db in
            try await db.select().column("mobile_e164").from("texts_stopped").where("mobile_e164", .equal, SQLBind(mobile)).first() != nil
        }
    }

    static func appeal(_ reference: CaseReference, on db: any SQLDatabase) async throws -> AppealDetails? {
        try await db.select().column("*").from("appeals").where("case_reference", .equal, SQLBind(reference.value))
            .first().map { row in
                AppealDetails(
                    statement: try row.decode(column: "statement", as: String.self),
                    lateReason: try row.decode(column: "late_reason", as: String?.self),
                    contactName: try row.decode(column: "contact_name", as: String.self),
                    postalAddress: try row.decode(column: "postal_address", as: String.self),
                    address: try AddressColumns.decode(row),
                    email: try row.decode(column: "email", as: String?.self),
                    mobile: try row.decode(column: "mobile_e164", as: String?.self),
                    preferredChannel: AppealDetails.PreferredChannel(
                        rawValue: try row.decode(column: "preferred_channel", as: String.self)) ?? .letter,
                    language: try row.decode(column: "language", as: String.self)
                )
            }
    }
}
