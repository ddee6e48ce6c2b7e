import Crypto
import Foundation

/// Why migrations cannot be applied: the server refuses to start rather than run on a schema it does not know.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int, [String])
    case missingVersion(Int)
    case editedAfterApplied(fileName: String, applied: String, now: String)
    case appliedButMissing(version: Int, fileName: String)
    case unreadableFolder(String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            "Migration file \(name) is not named NNNN_name.sql (or NNNN_name.sqlite.sql / NNNN_name.postgres.sql)."
        case .duplicateVersion(let version, let names):
            "Migration number \(String(format: "%04d", version)) is used by more than one file: \(names.joined(separator: ", "))."
        case .missingVersion(let version):
            "Migration \(String(format: "%04d", version)) is missing: the numbers must run 0001, 0002, … without a gap."
        case .editedAfterApplied(let name, let applied, let now):
            "Migration \(name) was changed after it was applied (applied checksum \(applied.prefix(12))…, file now "
                + "\(now.prefix(12))…). Migrations are forward-only: restore the file and put the change in a new migration."
        case .appliedButMissing(let version, let name):
            "Migration \(String(format: "%04d", version)) (\(name)) is recorded as applied but its file is gone. "
                + "Restore it: this build does not match the database."
        case .unreadableFolder(let path): "Cannot read the migrations folder \(path)."
        }
    }
}
