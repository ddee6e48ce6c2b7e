import AppealsDomain
import Foundation

/// The file cannot be imported at all.
public enum TicketImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyFile
    case header(TicketHeaderProblem)
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .emptyFile: "The file is empty: it needs a header line and at least one ticket."
        case .header(let problem):
            "The header line lacks the column(s) \(problem.missingColumns.map(\.rawValue).joined(separator: ", ")). "
                + "Required: \(TicketColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ","))."
        case .unreadable(let path): "Cannot read \(path)."
        }
    }
}
