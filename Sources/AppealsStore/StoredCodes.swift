import AppealsDomain
import AppealsServices
import Foundation
import SQLKit

// How domain values are written in the store's columns.

extension Recipient {
    var stored: String {
        switch self {
        case .citizen: "citizen"
        case .supervisors: "supervisors"
        case .staff(let id): "staff:\(id.value)"
        }
    }
}

extension DeadlineFiring {
    init(row: any SQLRow) throws {
        guard let reference = CaseReference(try row.decode(column: "case_reference", as: String.self)),
            let kind = DeadlineKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let level = Level(rawValue: try row.decode(column: "level", as: String.self))
        else { throw StoredDataError.corrupt(table: "deadline_firings", detail: "unreadable key") }
        self.init(reference: reference, kind: kind, level: level, at: try Stored.date(row, "due_at"))
    }
}

extension Skill {
    /// `stolen_vehicles`, `disability`, `not_owner`, `commercial_fleet`, `language:es`.
    init?(stored: String) {
        switch stored {
        case "stolen_vehicles": self = .stolenVehicles
        case "disability": self = .disability
        case "not_owner": self = .notOwner
        case "commercial_fleet": self = .commercialFleet
        default:
            guard stored.hasPrefix("language:") else { return nil }
            self = .language(String(stored.dropFirst("language:".count)))
        }
    }

    var stored: String {
        switch self {
        case .stolenVehicles: "stolen_vehicles"
        case .disability: "disability"
        case .notOwner: "not_owner"
        case .commercialFleet: "commercial_fleet"
        case .language(let code): "language:\(code)"
        }
    }
}
