import AppealsDomain
import Foundation
import Testing

@Suite("A ticket file row becomes a ticket or says exactly what is wrong")
struct TicketRecordParserTests {
    static let header = [
        "ticket_number", "plate", "plate_region", "issued_at", "location", "violation_code", "violation",
        "amount_cents", "officer_id", "towed",
    ]
    static let good = [
        "pcn-0001", "ab12 cde", "ny", "2026-03-03T09:15:00-05:00", "12 Main St", "P01", "Restricted street",
        "6500", "CEO101", "true",
    ]
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func row(_ changes: [Int: String]) -> [String] {
        var fields = Self.good
        for (index, value) in changes { fields[index] = value }
        return fields
    }

    @Test func readsAGoodRow() throws {
        let parser = try TicketRecordParser(header: Self.header)
        let ticket = try parser.parse(Self.good, now: now).get()
        #expect(ticket.number.value == "PCN0001")
        #expect(ticket.plate == Plate(number: PlateNumber("AB12CDE")!, region: PlateRegion("NY")!))
        #expect(ticket.issuedAt == Date(timeIntervalSince1970: 1_772_547_300))
        #expect(ticket.amountCents == 6500)
        #expect(ticket.towed)
        #expect(ticket.violation == Violation(code: "P01", description: "Restricted street"))
    }

    @Test func headerOrderIsFreeAndExtraColumnsAreIgnored() throws {
        let header = ["note"] + Self.header.reversed()
        let parser = try TicketRecordParser(header: header)
        let ticket = try parser.parse(["ignored"] + Self.good.reversed(), now: now).get()
        #expect(ticket.number.value == "PCN0001")
    }

    @Test func towedColumnIsOptional() throws {
        let parser = try TicketRecordParser(header: Array(Self.header.dropLast()))
        #expect(try parser.parse(Array(Self.good.dropLast()), now: now).get().towed == false)
    }

    @Test func headerWithoutRequiredColumnsIsRefused() {
        #expect(throws: TicketHeaderProblem(missingColumns: [.plate, .amountCents])) {
            try TicketRecordParser(header: Self.header.filter { $0 != "plate" && $0 != "amount_cents" })
        }
    }

    @Test(arguments: [
        ([1: ""], TicketRecordProblem.missing(.plate)),
        ([0: "PCN#1"], .invalidTicketNumber("PCN#1")),
        ([1: "AB@12"], .invalidPlate("AB@12")),
        ([3: "2026-03-03T09:15:00"], .invalidTimestamp("2026-03-03T09:15:00")),
        ([3: "2099-01-01T00:00:00Z"], .issuedInFuture("2099-01-01T00:00:00Z")),
        ([7: "65.00"], .invalidAmount("65.00")),
        ([7: "-100"], .invalidAmount("-100")),
        ([7: "0"], .amountOutOfRange(0)),
        ([7: "100000000"], .amountOutOfRange(100_000_000)),
        ([9: "maybe"], .invalidTowed("maybe")),
        ([4: String(repeating: "x", count: 201)], .tooLong(.location, limit: 200)),
    ])
    func reportsTheProblem(changes: [Int: String], expected: TicketRecordProblem) throws {
        let parser = try TicketRecordParser(header: Self.header)
        #expect(throws: expected) { try parser.parse(row(changes), now: now).get() }
    }

    /// The violation code, violation and officer hold one line: a quoted field of the file may hold a line break, and
    /// a value sent as `Probe\r\n=1+1` would start a spreadsheet row with a formula.
    @Test(arguments: [
        (5, "P\r\n=1+1"), (5, "P\u{85}01"), (6, "Restricted\u{2028}street"), (6, "Restricted\u{2029}street"), (6, "Restricted\nstreet"),
        (8, "CEO\u{0}101"), (8, "CEO\u{1B}[31m101"), (8, "CEO\t101"),
    ])
    func aOneLineColumnWithALineBreakOrAControlCharacterIsRefused(index: Int, value: String) throws {
        let parser = try TicketRecordParser(header: Self.header)
        let column = try #require(TicketColumn(rawValue: Self.header[index]))
        #expect(throws: TicketRecordProblem.notOneLine(column)) { try parser.parse(row([index: value]), now: now).get() }
    }

    /// The location may span lines (as the import has always taken it), but holds no other control character.
    @Test func theLocationMaySpanLinesButHoldsNoOtherControlCharacter() throws {
        let parser = try TicketRecordParser(header: Self.header)
        #expect(try parser.parse(row([4: "Market Sq\r\n(north side)"]), now: now).get().location == "Market Sq\r\n(north side)")
        for bad in ["12 Main\u{0}St", "12 Main\u{1B}St", "12 Main\u{2028}St", "12 Main\u{85}St", "12 Main\tSt"] {
            #expect(throws: TicketRecordProblem.controlCharacter(.location)) { try parser.parse(row([4: bad]), now: now).get() }
        }
    }

    @Test func wrongFieldCountIsReported() throws {
        let parser = try TicketRecordParser(header: Self.header)
        #expect(throws: TicketRecordProblem.wrongFieldCount(expected: 10, found: 9)) {
            try parser.parse(Array(Self.good.dropLast()), now: now).get()
        }
    }
}
