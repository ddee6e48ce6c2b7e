import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

/// The demo data set (tickets, one member of staff per role, 22 cases in every state), each account with the
/// password `StaffTest.password`, as `appeals demo` loads it.
enum StaffTest {
    static let password = "a-long-test-passphrase"
    static let zone = TimeZone(identifier: "America/New_York")!
    /// Hashed once: cost-12 bcrypt takes a quarter of a second.
    static let hash = BcryptPasswordHasher.hashNow(password)

    /// The account of each demo person by role.
    static let byRole: [Role: String] = [
        .reviewer: "ana", .supervisor: "cleo", .phoneAgent: "dan", .clerk: "eve",
        .administrator: "fay", .auditor: "gus",
    ]

    static func seed(_ db: AppDatabase) async throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("staff-demo-\(UUID().uuidString).csv")
        try DemoTickets.csv(count: 120, now: TestClock.pinned).write(to: csv, atomically: true, encoding: .utf8)
        let tickets = SQLTicketRepository(database: db)
        _ = try await ImportTickets(tickets: tickets, clock: FixedWallClock(TestClock.pinned))(path: csv.path, source: "demo") { _ in }
        let calendar = BusinessCalendar(timeZone: zone)
        for person in DemoCases.staff {
            try await SQLAdministration(database: db).saveStaff(
                id: StaffID(person.id), name: person.name, email: "\(person.id)@riverton.example",
                startedOn: calendar.local(TestClock.pinned.addingTimeInterval(-Double(person.daysAgo) * 86_400)).date,
                roles: person.roles, skills: person.skills, at: TestClock.pinned
            )
            try await SQLStaffAccounts(database: db).setPassword(StaffID(person.id), hash: hash)
        }
        _ = try await DemoCases(cases: SQLCaseStore(database: db), tickets: tickets, timeZone: zone, now: TestClock.pinned).load()
    }

    static func value(_ db: AppDatabase, _ sql: String) async throws -> String? {
        try await db.withConnection { try await $0.raw(SQLQueryString(sql)).first()?.decode(column: "v", as: String.self) }
    }

    /// A browser signed in as `id`.
    static func signIn(_ id: String, on client: any TestClientProtocol, password: String = password) async throws -> Browser {
        let browser = Browser()
        try await browser.get("/staff/sign-in", on: client) { #expect($0.status == .ok) }
        try await browser.post("/staff/sign-in", [("email", "\(id)@riverton.example"), ("password", password)], on: client) {
            #expect($0.status == .found, "sign-in of \(id)")
        }
        return browser
    }
}
