import AppealsDomain
import Foundation

/// Appeals in progress, kept for a day under a random token that only the citizen's browser holds.
public protocol DraftStore: Sendable {
    func loadDraft(token: String, now: Date) async throws -> Data?
    func saveDraft(token: String, data: Data, now: Date, expires: Date) async throws
    /// Forgets a draft and everything typed in it (once its appeal is filed and confirmed).
    func deleteDraft(token: String) async throws
}
