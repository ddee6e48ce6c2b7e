import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import Testing

@Suite("The case page's one read on a real database")
struct CaseWorkspaceTests {
    static func workspace(_ world: CaseWorld) -> CaseWorkspace {
        let db = world.db
        let rules = DeadlineRulesCache(store: world.store, timeZone: world.zone, clock: world.clock, maxAge: 0)
        return CaseWorkspace(
            cases: world.store, queries: SQLCaseWorkQueries(database: db), evidence: SQLEvidenceStore(database: db),
            letters: SQLLetterStore(database: db), notifications: SQLNotificationStore(database: db), hearings: SQLHearings(database: db),
            status: LookUpStatus(
                source: SQLCaseStatusSource(database: db), clock: world.clock, timeline: DirectTimeline(store: world.store), rules: rules),
            access: CaseAccess(), clock: world.clock, timeZone: world.zone)
    }

    static func account(_ id: String, _ role: Role) -> StaffAccount {
        StaffAccount(
            id: StaffID(id), name: id, email: "\(id)@example.org", roles: [role], active: true,
            startedOn: LocalDate(year: 2020, month: 1, day: 1)!, passwordHash: nil)
    }

    static func addPhoto(_ name: String, to reference: CaseReference, on world: CaseWorld) async throws {
        let stored = StoredFile(key: "k-\(name)", byteSize: 100, sha256: String(repeating: "0", count: 64))
        try await SQLEvidenceStore(database: world.db).addEvidence(
            EvidenceRecord(
                id: EvidenceID(drawingFrom: SeededRandomSource(seed: 3)), caseReference: reference, draftKey: nil, originalName: name,
                kind: .photo, mediaType: "image/jpeg", original: stored, display: stored, thumbnail: stored, pixelWidth: 4,
                pixelHeight: 3, pageCount: nil, receivedAt: world.clock.now()))
    }

    @Test(arguments: TestDatabase.engines)
    func aSupervisorGetsTheCaseFileDeadlinesFilesScriptLettersAndTheTeamInOneRead(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.claim, to: reference, by: reviewer)
            try await Self.addPhoto("permit.jpg", to: reference, on: world)
            world.clock.advance(days: 1)
            let workspace = Self.workspace(world)
            let supervisor = Self.account("sup-1", .supervisor)

            let loaded = try await workspace.visibleCase(reference, to: supervisor)
            let facts = try await workspace.facts(loaded, for: supervisor)
            #expect(facts.record.assignee == StaffID("rev-1"))
            #expect(facts.file.ticket.number == TicketNumber("T0"))
            #expect(facts.file.appeal?.contactName == "Ana Citizen")
            #expect(facts.file.assigneeName == "rev-1")
            #expect(facts.deadlines.map(\.kind) == [.acknowledgement, .firstReview, .decision])
            #expect(facts.evidence.map(\.originalName) == ["permit.jpg"])
            #expect(facts.team.map(\.id) == [StaffID("rev-1"), StaffID("rev-2"), StaffID("sup-1")])
            #expect(facts.team.map(\.inHand) == [1, 0, 0])
            #expect(facts.status?.reference == reference)
            #expect(facts.letters.map(\.kind) == [.acknowledgement])
            #expect(facts.failedMessages.isEmpty)
            #expect(facts.hearing == nil && !facts.awaitsHearing)
            #expect(facts.now == world.clock.now())

            // A reviewer is not shown the team's load.
            let holder = Self.account("rev-1", .reviewer)
            #expect(try await workspace.facts(workspace.visibleCase(reference, to: holder), for: holder).team.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aReviewerCannotOpenAnotherReviewersCaseAndNoCaseIsNotFound(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.claim, to: reference, by: reviewer)
            let workspace = Self.workspace(world)
            await #expect(throws: AppError.notPermitted) {
                try await workspace.visibleCase(reference, to: Self.account("rev-2", .reviewer))
            }
            await #expect(throws: AppError.notFound) {
                try await workspace.visibleCase(CaseReference(randomBits: 42), to: Self.account("sup-1", .supervisor))
            }
            await #expect(throws: AppError.notFound) { try await workspace.visibleCase(nil, to: Self.account("sup-1", .supervisor)) }
        }
    }
}
