import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWords
import Foundation
import Testing

@Suite("Ticket import: good rows land, bad rows are reported by line, a rerun changes nothing")
struct TicketImportTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
    static let header = "ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id,towed"

    /// Lines 2, 3 and 7-8 are good; each other line has one fault.
    static let mixed = """
        \(header)
        PCN-0001,ab12 cde,ny,2026-03-03T09:15:00-05:00,"12 Main St, Riverton",P01,Restricted street,6500,CEO101,false
        PCN0002,XYZ 123,NJ,2026-03-04T10:00:00Z,Elm St,P02,"No ""valid"" ticket",4500,CEO102,true
        PCN0003,KLM 456,NY,2026-03-05T10:00:00Z,Oak Ln,P05,Expired,12.50,CEO103,false
        pcn 0001,AB12CDE,NY,2026-03-06T10:00:00Z,Main St,P01,Restricted street,6500,CEO101,false
        PCN0004,,NY,2026-03-05T10:00:00Z,Oak Ln,P05,Expired,4500,CEO103,false
        PCN0005,QRS 789,CT,2026-03-07T08:00:00-05:00,"Market Sq
        (north side)",P16,Suspended bay,8500,CEO104,
        PCN0006,TUV 111,NY,2026-03-07 08:00,Oak Ln,P05,Expired,4500,CEO103,false
        PCN0007,TUV 112,NY,2026-03-07T08:00:00Z,Oak Ln,P05,Expired,4500
        PCN0008,TUV 113,NY,2026-03-07T08:00:00Z,Oak Ln,P05,Expired,4500,CEO103,sometimes

        """

    func write(_ text: String, bytes prefix: [UInt8] = []) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID().uuidString).csv")
        try Data(prefix + Array(text.utf8)).write(to: url)
        return url
    }

    func importFile(_ url: URL, into db: AppDatabase, batchSize: Int = 2_000) async throws -> (TicketImportSummary, [String]) {
        var report: [String] = []
        let summary = try await ImportTickets(
            tickets: SQLTicketRepository(database: db), clock: FixedWallClock(Self.now), batchSize: batchSize
        )(path: url.path) { report.append(TicketImportMessages.line($0)) }
        return (summary, report)
    }

    static let mixedReport = [
        "line 4: amount_cents \"12.50\" is not a whole number of cents, e.g. 6500",
        "line 5: ticket number already appears on line 2 of this file",
        "line 6: plate is empty",
        "line 9: issued_at \"2026-03-07 08:00\" is not an ISO 8601 time with an offset, e.g. 2026-03-03T09:15:00-05:00",
        "line 10: has 8 fields but the header has 10",
        "line 11: towed \"sometimes\" must be true or false",
    ]

    @Test(arguments: TestDatabase.engines, [1, 2_000])
    func reportsEachBadLineAndImportsTheGoodOnes(engine: DatabaseEngine, batchSize: Int) async throws {
        let url = try write(Self.mixed)
        try await TestDatabase.with(engine) { db in
            let (summary, report) = try await importFile(url, into: db, batchSize: batchSize)
            #expect(report == Self.mixedReport)
            #expect(summary == TicketImportSummary(imported: 3, updated: 0, unchanged: 0, rejected: 6))

            let repository = SQLTicketRepository(database: db)
            #expect(try await repository.ticketCount() == 3)
            let first = try #require(try await repository.ticket(TicketNumber("PCN0001")!))
            #expect(first.plate.number.value == "AB12CDE")
            #expect(first.plate.region.value == "NY")
            #expect(first.location == "12 Main St, Riverton")
            #expect(first.issuedAt == ISO8601Timestamp.parse("2026-03-03T14:15:00Z"))
            let second = try #require(try await repository.ticket(TicketNumber("PCN0002")!))
            #expect(second.violation.description == "No \"valid\" ticket")
            #expect(second.towed)
            #expect(try await repository.ticket(TicketNumber("PCN0005")!)?.location == "Market Sq\n(north side)")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func importingTheSameFileAgainChangesNothing(engine: DatabaseEngine) async throws {
        let url = try write(Self.mixed)
        try await TestDatabase.with(engine) { db in
            _ = try await importFile(url, into: db)
            let (summary, report) = try await importFile(url, into: db)
            #expect(summary == TicketImportSummary(imported: 0, updated: 0, unchanged: 3, rejected: 6))
            #expect(report == Self.mixedReport)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aChangedRowUpdatesTheTicket(engine: DatabaseEngine) async throws {
        try await TestDatabase.with(engine) { db in
            _ = try await importFile(try write(Self.mixed), into: db)
            let changed = """
                \(Self.header)
                PCN0001,AB12CDE,NY,2026-03-03T14:15:00Z,"12 Main St, Riverton",P01,Restricted street,3250,CEO101,false
                PCN0002,XYZ123,NJ,2026-03-04T10:00:00Z,Elm St,P02,"No ""valid"" ticket",4500,CEO102,true
                PCN0099,NEW 1,NY,2026-03-08T10:00:00Z,Elm St,P02,New,4500,CEO102,

                """
            let (summary, report) = try await importFile(try write(changed), into: db)
            #expect(report.isEmpty)
            #expect(summary == TicketImportSummary(imported: 1, updated: 1, unchanged: 1, rejected: 0))
            #expect(try await SQLTicketRepository(database: db).ticket(TicketNumber("PCN0001")!)?.amountCents == 3250)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func readsAFileWithAByteOrderMarkAndCRLFLineEnds(engine: DatabaseEngine) async throws {
        let text = Self.mixed.replacingOccurrences(of: "\n", with: "\r\n")
        let url = try write(text, bytes: [0xEF, 0xBB, 0xBF])
        try await TestDatabase.with(engine) { db in
            let (summary, report) = try await importFile(url, into: db)
            #expect(report == Self.mixedReport)
            #expect(summary.imported == 3)
            #expect(try await SQLTicketRepository(database: db).ticket(TicketNumber("PCN0005")!)?.location == "Market Sq\n(north side)")
        }
    }

    @Test func aDuplicateInALaterBatchIsStillCaught() async throws {
        let text = """
            \(Self.header)
            A1,P1,NY,2026-03-03T14:15:00Z,Main St,P01,X,100,C1,
            A2,P2,NY,2026-03-03T14:15:00Z,Main St,P01,X,100,C1,
            A3,P3,NY,2026-03-03T14:15:00Z,Main St,P01,X,100,C1,
            A1,P1,NY,2026-03-03T14:15:00Z,Main St,P01,X,100,C1,

            """
        try await TestDatabase.with(.sqlite) { db in
            let (summary, report) = try await importFile(try write(text), into: db, batchSize: 2)
            #expect(report == ["line 5: ticket number already appears on line 2 of this file"])
            #expect(summary == TicketImportSummary(imported: 3, updated: 0, unchanged: 0, rejected: 1))
        }
    }

    @Test func anUnterminatedQuoteIsReportedAndWhatCameBeforeIsKept() async throws {
        let text =
            "\(Self.header)\nA1,P1,NY,2026-03-03T14:15:00Z,Main St,P01,X,100,C1,\nA2,P2,NY,2026-03-03T14:15:00Z,\"Main St,P01,X,100,C1,\n"
        try await TestDatabase.with(.sqlite) { db in
            let (summary, report) = try await importFile(try write(text), into: db)
            #expect(report == ["line 3: a quoted field opens here and never closes; nothing after this line was read"])
            #expect(summary == TicketImportSummary(imported: 1, updated: 0, unchanged: 0, rejected: 1))
        }
    }

    @Test func aHeaderWithoutRequiredColumnsStopsTheImport() async throws {
        try await TestDatabase.with(.sqlite) { db in
            await #expect(throws: TicketImportFailure.header(TicketHeaderProblem(missingColumns: [.plate]))) {
                _ = try await importFile(
                    try write("ticket_number,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id\n"), into: db)
            }
            await #expect(throws: TicketImportFailure.emptyFile) { _ = try await importFile(try write(""), into: db) }
            let count = try await SQLTicketRepository(database: db).ticketCount()
            #expect(count == 0)
        }
    }

    @Test func theDemoDataImportsCleanlyAndRepeatably() async throws {
        let url = try write(DemoTickets.csv(count: 300, now: Self.now))
        try await TestDatabase.with(.sqlite) { db in
            let (first, report) = try await importFile(url, into: db)
            #expect(report.isEmpty)
            #expect(first == TicketImportSummary(imported: 300, updated: 0, unchanged: 0, rejected: 0))
            let (second, _) = try await importFile(url, into: db)
            #expect(second.unchanged == 300)
        }
    }
}
