import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

/// Migration 0021 splits the one-field addresses stored before it into the parts the post needs, and marks those it
/// cannot split without guessing for a clerk to check: on both engines.
@Suite("Migration 0021 on addresses stored in one field")
struct AddressMigrationTests {
    /// Each address under a reference of its own (drawn, as references are).
    static let stored: [(reference: String, address: String)] = [
        "29 Harbor Ave, Apt 10, Riverton, RV 20501",
        "12 Elm Street\nApt 4\nRiverton, RV 20501-4412",
        "7 New Road\nRiverton RV 20509",
        "Friedrich-Wilhelm-Straße 134\n70173 Stuttgart\nGermany",
        "4 Harbour Road\nRiverton",
    ].enumerated().map { (CaseReference(randomBits: UInt64($0.offset + 1) * 7_919).value, $0.element) }

    @Test(arguments: TestDatabase.engines)
    func eachAddressIsSplitOrListedForAClerk(engine: DatabaseEngine) async throws {
        try await EarlierSchema.with(engine, before: "0021") { db in
            try await db.withConnection { conn in
                for (reference, address) in Self.stored {
                    try await conn.raw(
                        """
                        INSERT INTO cases (reference, ticket_number, ticket_amount_cents, towed, grounds, received_at, late, state, version,
                          state_changed_at, queue, escalated, vulnerable, contact_count, priority, updated_at)
                        VALUES (\(bind: reference), 'T1', 6500, \(bind: false), 'other', '2026-03-03T15:00:00Z', \(bind: false),
                          'submitted', 1, '2026-03-03T15:00:00Z', 'team', \(bind: false), \(bind: false), 0, 0, '2026-03-03T15:00:00Z')
                        """
                    ).run()
                    try await conn.raw(
                        """
                        INSERT INTO appeals (case_reference, statement, contact_name, postal_address, preferred_channel, language)
                        VALUES (\(bind: reference), 's', 'Name', \(bind: address), 'letter', 'en')
                        """
                    ).run()
                }
            }
            // MUT
            try await MigrationRunner(folder: TestDatabase.migrationsFolder).migrate(db, logger: TestDatabase.logger)
            // validate
            let rows = try await db.withConnection { conn in
                try await conn.raw(
                    """
                    SELECT case_reference, postal_address, COALESCE(address_lines, '-') AS lines, COALESCE(address_city, '-') AS city,
                      COALESCE(address_region, '-') AS region, COALESCE(address_postal_code, '-') AS zip, address_to_check
                    FROM appeals
                    """
                ).all().map { row in
                    [
                        try row.decode(column: "case_reference", as: String.self),
                        try row.decode(column: "postal_address", as: String.self),
                        try row.decode(column: "lines", as: String.self), try row.decode(column: "city", as: String.self),
                        try row.decode(column: "region", as: String.self), try row.decode(column: "zip", as: String.self),
                        String(try row.decode(column: "address_to_check", as: Bool.self)),
                    ]
                }
            }
            let byAddress = Dictionary(uniqueKeysWithValues: Self.stored.map { ($0.reference, $0.address) })
            let split = Dictionary(uniqueKeysWithValues: rows.map { (byAddress[$0[0]] ?? $0[0], Array($0.dropFirst())) })
            #expect(
                split == [
                    "29 Harbor Ave, Apt 10, Riverton, RV 20501": [
                        "29 Harbor Ave\nApt 10\nRIVERTON RV 20501", "29 Harbor Ave\nApt 10", "Riverton", "RV", "20501", "false",
                    ],
                    "12 Elm Street\nApt 4\nRiverton, RV 20501-4412": [
                        "12 Elm Street\nApt 4\nRIVERTON RV 20501-4412", "12 Elm Street\nApt 4", "Riverton", "RV", "20501-4412", "false",
                    ],
                    "7 New Road\nRiverton RV 20509": ["7 New Road\nRIVERTON RV 20509", "7 New Road", "Riverton", "RV", "20509", "false"],
                    // Not the United States' form, nor a ZIP code: listed for a clerk, the text kept as it was.
                    "Friedrich-Wilhelm-Straße 134\n70173 Stuttgart\nGermany": [
                        "Friedrich-Wilhelm-Straße 134\n70173 Stuttgart\nGermany", "-", "-", "-", "-", "true",
                    ],
                    "4 Harbour Road\nRiverton": ["4 Harbour Road\nRiverton", "-", "-", "-", "-", "true"],
                ])
            let toCheck = try await SQLLetterStore(database: db).addressesToCheck(limit: 10).map { byAddress[$0.value] ?? $0.value }
            #expect(Set(toCheck) == ["Friedrich-Wilhelm-Straße 134\n70173 Stuttgart\nGermany", "4 Harbour Road\nRiverton"])
        }
    }
}
