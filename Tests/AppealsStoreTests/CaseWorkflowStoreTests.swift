import AppealsDomain
import AppealsServices
import AppealsTestSupport
import Foundation
import SQLKit
import Testing

@testable import AppealsStore

/// Cases filed through the real use cases on a real database.
struct CaseWorld {
    let db: AppDatabase
    let clock: TestClock
    let zone = TimeZone(identifier: "America/New_York")!
    var store: SQLCaseStore { SQLCaseStore(database: db) }
    var engine: CaseEngine { CaseEngine(store: store, clock: clock, timeZone: zone) }
    func sweeper(_ name: String = "test", on database: AppDatabase? = nil) -> SweepDeadlines {
        SweepDeadlines(store: SQLCaseStore(database: database ?? db), clock: clock, timeZone: zone, sweeperName: name)
    }

    static let issued = instant("2026-03-02T09:00:00-05:00")
    static let filed = instant("2026-03-03T10:00:00-05:00")  // Tuesday

    static func with(_ engine: DatabaseEngine, _ body: (CaseWorld) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { db in
            let world = CaseWorld(db: db, clock: TestClock(filed))
            for id in ["rev-1", "rev-2", "sup-1"] { try await world.addStaff(id, role: id.hasPrefix("rev") ? .reviewer : .supervisor) }
            try await body(world)
        }
    }

    func addStaff(_ id: String, role: Role, skills: [String] = []) async throws {
        try await db.withConnection { db in
            try await db.insert(into: "staff").columns("id", "name", "email", "started_on", "active", "created_at")
                .values(
                    SQLBind(id), SQLBind(id), SQLBind("\(id)@example.org"), SQLBind("2020-01-01"), SQLBind(true),
                    SQLBind("2026-01-01T00:00:00Z")
                ).run()
            try await db.insert(into: "staff_roles").columns("staff_id", "role").values(SQLBind(id), SQLBind(role.rawValue)).run()
            for skill in skills {
                try await db.insert(into: "staff_skills").columns("staff_id", "skill").values(SQLBind(id), SQLBind(skill)).run()
            }
        }
    }

    func importTickets(_ count: Int, issuedAt: Date = issued, prefix: String = "T") async throws {
        let header = "ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id,towed\n"
        let rows = (0..<count).map {
            "\(prefix)\($0),P\(prefix == "T" ? "" : prefix)\($0),NY,\(ISO8601Timestamp.formatUTC(issuedAt)),Main St,P01,Restricted,6500,C1,false"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).csv")
        try (header + rows.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try await ImportTickets(tickets: SQLTicketRepository(database: db), clock: FixedWallClock(Self.filed))(path: url.path) { _ in }
    }

    func file(
        _ ticket: String = "T0", grounds: [Ground] = [.permitDisplayed], channel: Channel = .web,
        details: AppealDetails = AppealDetails(
            statement: "My permit was on the dashboard.", contactName: "Ana Citizen", postalAddress: "1 Elm St")
    ) async throws -> CaseReference {
        try await FileAppeal(cases: store, tickets: SQLTicketRepository(database: db), clock: clock, timeZone: zone)(
            ticket: TicketNumber(ticket)!, grounds: grounds, details: details, channel: channel, by: .citizen
        ).updated.reference
    }

    func count(_ sql: String) async throws -> Int { try await db.count(sql) }
}

func instant(_ text: String) -> Date { ISO8601Timestamp.parse(text)! }

let reviewer = Actor(role: .reviewer, staffID: StaffID("rev-1"), startedOn: LocalDate(year: 2020, month: 1, day: 1))

@Suite("The workflow engine on a real database")
struct CaseWorkflowStoreTests {
    @Test(arguments: TestDatabase.engines)
    func filingWritesTheCaseItsAuditEventTimelineAndDeadlines(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.state == .submitted)
            #expect(loaded.record.version == 1)
            #expect(loaded.history.map(\.event) == [.file])
            #expect(try await world.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'appeal_filed' AND channel = 'web'") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM appeals") == 1)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM case_deadlines WHERE status = 'running'") == 3)
            let due = try await world.db.withConnection {
                try await $0.raw("SELECT due_date FROM case_deadlines WHERE kind = 'decision'").first()!.decode(
                    column: "due_date", as: String.self)
            }
            #expect(due == "2026-04-28")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func filingQueuesTheAcknowledgementByThePreferredChannelOrByLetter(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(4)
            func details(_ channel: AppealDetails.PreferredChannel, email: String? = nil, mobile: String? = nil) -> AppealDetails {
                AppealDetails(
                    statement: "Permit shown.", contactName: "Ana Citizen", postalAddress: "1 Elm St", email: email, mobile: mobile,
                    preferredChannel: channel)
            }
            let byPost = try await world.file("T0", details: details(.letter, email: "ana@example.org"))
            let byEmail = try await world.file("T1", details: details(.email, email: "ana@example.org"))
            let byText = try await world.file("T2", details: details(.sms, mobile: "+12035550100"))
            let textWithoutNumber = try await world.file("T3", details: details(.sms))
            func queued(_ reference: CaseReference) async throws -> [String] {
                try await world.db.strings(
                    """
                    SELECT 'letter ' || kind || ' ' || status AS v FROM letters WHERE case_reference = '\(reference.value)'
                    UNION ALL SELECT 'message ' || kind || ' ' || recipient AS v FROM notifications WHERE case_reference = '\(reference.value)'
                    """)
            }
            #expect(try await queued(byPost) == ["letter acknowledgement queued"])
            #expect(try await queued(byEmail) == ["message acknowledgement citizen"])
            #expect(try await queued(byText) == ["message acknowledgement citizen"])
            #expect(try await queued(textWithoutNumber) == ["letter acknowledgement queued"], "no number: by letter")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func eventsMoveTheCaseAndEachWritesAChainedAuditEvent(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            world.clock.advance(days: 1)
            try await world.engine.apply(.startReview, to: reference, by: reviewer, expectedVersion: 1)
            try await world.engine.apply(.requestInformation, to: reference, by: reviewer, expectedVersion: 2)
            world.clock.advance(days: 6)
            try await world.engine.apply(.citizenResponded, to: reference, by: .citizen)
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.state == .inReview)
            #expect(loaded.record.version == 4)
            #expect(loaded.history.map(\.to) == [.submitted, .inReview, .awaitingCitizen, .inReview])
            #expect(try await world.count("SELECT COUNT(*) AS n FROM letters WHERE kind = 'request_for_information'") == 1)
            // 6 days paused are added to the statutory deadline.
            let due = try await world.db.withConnection {
                try await $0.raw("SELECT due_date FROM case_deadlines WHERE kind = 'decision'").first()!.decode(
                    column: "due_date", as: String.self)
            }
            #expect(due == "2026-05-04")
            let verification = try await world.db.withConnection { try await AuditChain.verify(on: $0) }
            #expect(verification == .intact(events: 4))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func twoReviewersDecidingAtOnceOneWinsAndTheOtherIsTold(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            let other = Actor(role: .reviewer, staffID: StaffID("rev-2"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
            let outcomes = await withTaskGroup(of: Result<Void, any Error>.self) { group in
                for (who, outcome) in [(reviewer, Outcome.upheld), (other, Outcome.cancelled)] {
                    group.addTask {
                        do {
                            try await world.engine.apply(
                                .decide(DecisionDraft(outcome: outcome, reasonCode: .contraventionOccurred)), to: reference,
                                by: who, expectedVersion: 2)
                            return .success(())
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1)
            let failure = try #require(
                outcomes.compactMap { result -> (any Error)? in
                    if case .failure(let error) = result { return error } else { return nil }
                }.first)
            // Either the second read the new version (workflow refuses: already decided) or lost the race at write.
            #expect(failure is CaseChangedSinceRead || failure is WorkflowError)
            #expect(try await world.store.load(reference)?.record.version == 3)
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'decide'") == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aStaleVersionIsRefusedWithoutWritingAnything(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.startReview, to: reference, by: reviewer, expectedVersion: 1)
            await #expect(throws: CaseChangedSinceRead(reference: reference)) {
                try await world.engine.apply(.requestInformation, to: reference, by: reviewer, expectedVersion: 1)
            }
            #expect(try await world.count("SELECT COUNT(*) AS n FROM audit_events") == 2)
        }
    }
}

@Suite("Stored decisions read back exactly")
struct StoredDecisionTests {
    @Test(arguments: TestDatabase.engines)
    func aDecisionReadsBackWithItsDate(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            let decided = try await world.engine.apply(
                .decide(DecisionDraft(outcome: .upheld, reasonCode: .contraventionOccurred)), to: reference, by: reviewer)
            let loaded = try #require(try await world.store.load(reference))
            #expect(loaded.record.decision == decided.updated.decision)
            #expect(loaded.record.decision?.decidedAt == CaseWorld.filed)
        }
    }
}

@Suite("Routing at filing, and re-applying a changed holiday list")
struct RoutingAndRecomputeTests {
    @Test(arguments: TestDatabase.engines)
    func aNewCaseGoesToTheLeastLoadedReviewerWithTheSkillsItNeeds(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.addStaff("rev-skilled", role: .reviewer, skills: ["stolen_vehicles"])
            try await world.importTickets(3)
            let ordinary = try await world.file("T0")
            let stolen = try await world.file("T1", grounds: [.vehicleStolen])
            let second = try await world.file("T2")
            #expect(try await world.store.load(ordinary)?.record.assignee == StaffID("rev-1"))
            #expect(try await world.store.load(stolen)?.record.assignee == StaffID("rev-skilled"))
            #expect(try await world.store.load(second)?.record.assignee == StaffID("rev-2"))  // rev-1 now holds one
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aHolidayAddedLaterMovesOpenCasesDeadlinesOnRecompute(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(1)
            let reference = try await world.file()
            func firstReviewDue() async throws -> String {
                try await world.db.withConnection {
                    try await $0.raw("SELECT due_date FROM case_deadlines WHERE kind = 'first_review'").first()!
                        .decode(column: "due_date", as: String.self)
                }
            }
            #expect(try await firstReviewDue() == "2026-03-17")
            try await SQLAdministration(database: world.db).saveHolidays([(LocalDate(iso: "2026-03-16")!, "Founders' Day")])
            try await world.engine.recomputeDeadlines(of: reference)
            #expect(try await firstReviewDue() == "2026-03-18")
        }
    }
}
