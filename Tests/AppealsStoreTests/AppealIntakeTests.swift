import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import Testing

@testable import AppealsStore

/// The one intake every channel files through, on a real database and without HTTP.
@Suite("One intake: drafts, matching, the late rule and filing once")
struct AppealIntakeTests {
    static func intake(_ world: CaseWorld, seed: UInt64 = 7) -> AppealIntake {
        let tickets = SQLTicketRepository(database: world.db)
        return AppealIntake(
            drafts: SQLAppealDrafts(database: world.db), tickets: tickets, evidence: SQLEvidenceStore(database: world.db),
            fileAppeal: FileAppeal(
                cases: world.store, tickets: tickets, clock: world.clock, random: SeededRandomSource(seed: seed), timeZone: world.zone),
            clock: world.clock, random: SeededRandomSource(seed: seed), callingCode: "1")
    }

    static let details = AppealDetails(statement: "My permit was on the dashboard.", contactName: "Ana Citizen", postalAddress: "1 Elm St")

    @Test(arguments: TestDatabase.engines)
    func eachProblemWithANumberAndAPlateIsNamedForItsField(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let intake = Self.intake(world)
            var expected = TicketMatch()
            expected.ticketMissing = true
            expected.plateInvalid = true
            #expect(try await intake.match(ticket: "  ", plate: "!!") == expected)
            expected = TicketMatch()
            expected.noMatch = true
            #expect(try await intake.match(ticket: "T0", plate: "P1") == expected)  // another ticket's plate
            #expect(try await intake.match(ticket: "T9", plate: "P9") == expected)  // no such ticket
            let found = try await intake.match(ticket: "t0", plate: "p 0")
            #expect(found.ticket?.number == TicketNumber("T0"))
            #expect(found.wellFormed && !found.noMatch && !found.alreadyAppealed)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aTicketWithAnOpenAppealIsPointedAtItNotMatchedAgain(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            _ = try await world.file("T0")
            let match = try await Self.intake(world).match(ticket: "T0", plate: "P0")
            #expect(match.alreadyAppealed)
            #expect(match.ticket == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anAppealIsLateAfterTheWindowCountedFromWhenItWasReceived(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)  // issued 2 March 2026, 09:00 New York
            let intake = Self.intake(world)
            let window = TimeInterval(intake.appealWindowDays) * 86_400
            let lastMoment = CaseWorld.issued.addingTimeInterval(window)
            #expect(try await intake.match(ticket: "T0", plate: "P0", receivedAt: lastMoment).late == false)
            #expect(try await intake.match(ticket: "T0", plate: "P0", receivedAt: lastMoment.addingTimeInterval(1)).late)
            // Entered today, posted in time: the postmark decides, not the day it was typed in.
            world.clock.set(lastMoment.addingTimeInterval(5 * 86_400))
            #expect(try await intake.match(ticket: "T0", plate: "P0").late)
            #expect(try await intake.match(ticket: "T0", plate: "P0", receivedAt: lastMoment).late == false)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDraftFiledTwiceNamesOneCase(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let intake = Self.intake(world)
            let token = intake.newToken()
            func file() async throws -> CaseReference {
                try await intake.file(
                    token, ticket: TicketNumber("T0")!, grounds: [.permitDisplayed], details: Self.details, channel: .web, by: .citizen,
                    requestID: nil)
            }
            let first = try await file()
            let second = try await file()
            #expect(first == token.reference(attempt: 0))
            #expect(second == first)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM cases") == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aReferenceTakenByAnotherTicketFilesUnderTheNextAndTouchesNeitherCase(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let intake = Self.intake(world)
            let token = intake.newToken()
            _ = try await intake.fileAppeal(
                ticket: TicketNumber("T1")!, grounds: [.other], details: Self.details, channel: .web, by: .citizen,
                reference: token.reference(attempt: 0))
            let filed = try await intake.file(
                token, ticket: TicketNumber("T0")!, grounds: [.permitDisplayed], details: Self.details, channel: .web, by: .citizen,
                requestID: nil)
            #expect(filed == token.reference(attempt: 1))
            #expect(
                try await world.count(
                    "SELECT COUNT(*) AS n FROM cases WHERE ticket_number = 'T1' AND reference = '\(token.reference().value)'") == 1)
            #expect(
                try await world.count("SELECT COUNT(*) AS n FROM cases WHERE ticket_number = 'T0' AND reference = '\(filed.value)'") == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aDraftKeepsItsAnswersUntilDiscardedAndExpiresAfterADay(_ engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            let intake = Self.intake(world)
            let token = intake.newToken()
            var draft = IntakeDraft()
            draft.answers.statement = "Ça va: the sign was covered by a tree."
            draft.staff = "agent-1"
            try await intake.save(draft, token: token)
            #expect(try await intake.draft(IntakeDraft.self, token: token)?.answers.statement == draft.answers.statement)
            #expect(try await intake.draft(IntakeDraft.self, token: intake.newToken()) == nil)
            world.clock.advance(seconds: AppealIntake.draftLifetime + 1)
            #expect(try await intake.draft(IntakeDraft.self, token: token) == nil)
            try await intake.save(draft, token: token)
            try await intake.discard(token: token)
            #expect(try await intake.draft(IntakeDraft.self, token: token) == nil)
        }
    }

    @Test func aDraftTokenIsSixtyFourHexDigitsOrNothing() {
        #expect(DraftToken(String(repeating: "a", count: 64)) != nil)
        #expect(DraftToken(String(repeating: "a", count: 63)) == nil)
        #expect(DraftToken(String(repeating: "g", count: 64)) == nil)
        #expect(DraftToken(String(repeating: "é", count: 32)) == nil)
    }
}
