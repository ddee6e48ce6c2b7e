import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import ArgumentParser
import Foundation
import Logging

enum TicketImportFormat {
    static let header = TicketColumn.allCases.map(\.rawValue).joined(separator: ",")
}
