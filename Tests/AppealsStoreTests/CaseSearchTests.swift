import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import Testing

@testable import AppealsStore

/// What the agent's search reads: the newest appeals of a common surname, and a first name narrowing it.
@Suite("The agent's search on a real database")
struct CaseSearchTests {
    @Test(arguments: TestDatabase.engines)
    func aCommonSurnameShowsItsNewestAppealsAndAFirstNameNarrowsIt(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(13)
            var filed: [CaseReference] = []
            for index in 0..<12 {
                filed.append(try await world.file("T\(index)"))  // "Ana Citizen", an hour apart
                world.clock.advance(seconds: 3_600)
            }
            let search = SQLCaseSearch(database: world.db)
            let newest = try await search.cases(matching: [.surname("citizen")], limit: 10)
            #expect(Set(newest.map(\.reference)) == Set(filed.suffix(10)), "the ten filed last, not the first ten stored")

            #expect(try await search.cases(matching: [.name(surname: "citizen", given: ["jo"])], limit: 10).isEmpty)
            let jose = try await world.file(
                "T12", details: AppealDetails(statement: "I was not there.", contactName: "José Citizen", postalAddress: "2 Elm St"))
            let found = try await search.cases(matching: [.name(surname: "citizen", given: ["jo"])], limit: 10)
            #expect(found.map(\.reference) == [jose])
            #expect(found.first?.matchedBy == .name(surname: "citizen", given: ["jo"]))
        }
    }
}
