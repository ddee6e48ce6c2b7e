import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

/// A row that this build cannot read back: a bug or a hand edit, never a user's mistake.
public enum StoredDataError: Error, Sendable, Equatable {
    case corrupt(table: String, detail: String)
}
