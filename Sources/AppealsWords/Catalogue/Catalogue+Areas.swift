import AppealsServices
import Foundation

extension Catalogue {
    /// Every area's keys: what a language's file must hold whole.
    public static let areas: [any MessageKey.Type] = [
        EvidenceWords.self, WorkflowWords.self, DeadlineWords.self, TicketImportWords.self, DateWords.self, DashboardWords.self,
        ClerkWords.self, StaffWords.self, CaseWords.self, WorkflowActionWords.self, LetterWords.self, APIWords.self,
        RecordWords.self, TextWords.self,
    ]

    public static let english = Catalogue(english: areas)

    /// A language's catalogue from its JSON object of key → sentence; every key must be there, and nothing else.
    public init(language: String, json: Data) throws { try self.init(language: language, json: json, areas: Self.areas) }
}
