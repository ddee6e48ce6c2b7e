import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsWeb
import AppealsWords
import ArgumentParser
import Foundation
import Logging

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo data set (safe to run again).")
    /// Demo only: printed on every run, so a newcomer can sign in at once. Never use demo data in production.
    static let password = "riverton-demo-2026"

    @Option(help: "How many demo tickets.") var tickets = 300

    /// The demo's letter, scanned: each appeal that came by post gets it through the evidence pipeline.
    static let scan = URL(fileURLWithPath: "demo/paper-appeal-letter.pdf")

    static func attachScans(_ adapters: Adapters) async throws {
        guard FileManager.default.fileExists(atPath: scan.path) else {
            print("Demo scans: \(scan.path) not found (run from the repository's folder); paper appeals have no scan.")
            return
        }
        var attached = 0
        for reference in DemoCases.paperAppeals where try await adapters.evidenceStore.evidence(forCase: reference).isEmpty {
            let copy = try adapters.evidenceStorage.incomingFile()
            try FileManager.default.copyItem(at: scan, to: copy)
            let size = try FileManager.default.attributesOfItem(atPath: copy.path)[.size] as? Int ?? 0
            _ = try await adapters.receiveEvidence(file: copy, size: size, originalName: "scanned-letter.pdf", owner: .filed(reference))
            attached += 1
        }
        if attached > 0 { print("Demo scans: the scanned letter attached to \(attached) appeals that came by post.") }
    }

    func run() async throws {
        let runtime = try Runtime.load()
        let folder = URL(fileURLWithPath: runtime.configuration.dataFolder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("demo-tickets.csv")
        let now = SystemWallClock().now()
        try DemoTickets.csv(count: tickets, now: now).write(to: file, atomically: true, encoding: .utf8)
        let zone = runtime.configuration.authority.zone
        try await runtime.withAdapters(migrate: true) { adapters in
            let tickets = adapters.tickets
            let summary = try await ImportTickets(tickets: tickets, clock: adapters.clock)(
                path: file.path, source: "demo", onRejected: { print($0) }
            )
            print("Demo tickets: \(TicketImportMessages.summary(summary))")
            let admin = adapters.administration
            let calendar = BusinessCalendar(timeZone: zone)
            for person in DemoCases.staff {
                try await admin.saveStaff(
                    id: StaffID(person.id), name: person.name, email: "\(person.id)@riverton.example",
                    startedOn: calendar.local(now.addingTimeInterval(-Double(person.daysAgo) * 86_400)).date,
                    roles: person.roles, skills: person.skills, at: now
                )
            }
            // One demo password for every demo account, set anew on each run (cost-12 bcrypt: a second or two).
            let accounts = adapters.staffAccounts
            let hash = try await BcryptPasswordHasher().hash(Self.password)
            for person in DemoCases.staff { try await accounts.setPassword(StaffID(person.id), hash: hash) }
            let filed = try await DemoCases(cases: adapters.cases, tickets: tickets, timeZone: zone, now: now).load()
            print(filed > 0 ? "Demo cases: \(filed) filed, in every state." : "Demo cases: already loaded.")
            try await Self.attachScans(adapters)
            print("Demo staff sign-ins (password \(Self.password) for each), at /staff/sign-in:")
            for person in DemoCases.staff {
                print(
                    "  \(person.id)@riverton.example".padding(toLength: 28, withPad: " ", startingAt: 0)
                        + person.roles.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", "))
            }
        }
    }
}
