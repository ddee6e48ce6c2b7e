import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// Staff's messages to citizens: an outbox row with the words (e-mail, text), or a queued letter with them in its
/// facts, under the id the preview chose (`ON CONFLICT DO NOTHING`, so a second press of Send queues nothing).
public struct SQLCitizenMessages: CitizenMessageStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func queue(_ message: CitizenMessage, interaction: Interaction) async throws -> Bool {
        try await database.transaction { db in
            let inserted: [any SQLRow]
            if message.byLetter {
                let facts = String(decoding: try JSONEncoder().encode(message.snapshot), as: UTF8.self)
                inserted = try await db.raw(
                    """
                    INSERT INTO letters (id, case_reference, kind, status, queued_at, facts)
                    VALUES (\(bind: message.id), \(bind: message.reference.value), \(bind: LetterKind.message.rawValue), 'queued',
                        \(bind: Stored.time(message.at)), \(bind: facts))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """
                ).all()
            } else {
                inserted = try await db.raw(
                    """
                    INSERT INTO notifications (id, case_reference, recipient, kind, created_at, body)
                    VALUES (\(bind: message.id), \(bind: message.reference.value), 'citizen', \(bind: NotificationKind.staffMessage.rawValue),
                        \(bind: Stored.time(message.at)), \(bind: message.words))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """
                ).all()
            }
            guard !inserted.isEmpty else { return false }
            try await SQLCaseStore.insert([(message.reference, interaction)], on: db)
            return true
        }
    }
}
