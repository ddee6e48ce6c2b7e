import AppealsDomain
import AppealsServices
import AppealsStore
import Foundation
import SQLKit

extension Seeder {
    /// Takes the first `count` filed cases further, through the real workflow engine, so that a status page
    /// benchmark does not only see the lightest page: review started, information asked for (with the question),
    /// and every other one answered; each gets two files.
    static func work(_ db: AppDatabase, count: Int, zone: TimeZone) async throws {
        try await db.withConnection { conn in
            try await conn.raw(
                """
                INSERT INTO staff (id, name, email, started_on, active, created_at)
                VALUES ('bench-reviewer', 'Bench Reviewer', 'bench@example.org', '2020-01-01', \(bind: true), '2026-01-01T00:00:00Z')
                """
            ).run()
            try await conn.raw("INSERT INTO staff_roles (staff_id, role) VALUES ('bench-reviewer', 'reviewer')").run()
        }
        let reviewer = Actor(role: .reviewer, staffID: StaffID("bench-reviewer"), startedOn: LocalDate(year: 2020, month: 1, day: 1))
        let clock = FixedWallClock(ISO8601Timestamp.parse("2026-03-05T10:00:00-05:00")!)
        let engine = CaseEngine(store: SQLCaseStore(database: db), clock: clock, timeZone: zone)
        let evidence = SQLEvidenceStore(database: db)
        for i in 0..<count {
            let reference = CaseReference(randomBits: UInt64(i) &* 2_654_435_761 &+ 17)
            try await engine.apply(.startReview, to: reference, by: reviewer)
            try await engine.apply(
                .requestInformation, to: reference, by: reviewer,
                interaction: Interaction(
                    at: clock.now(), channel: .email, direction: .outbound, actor: "bench-reviewer", kind: .informationRequested,
                    summary: "Please send a photo of the permit on the dashboard.", isPublic: true
                ))
            if i.isMultiple(of: 2) { try await engine.apply(.citizenResponded, to: reference, by: .citizen) }
            for name in ["dashboard.jpg", "permit.jpg"] {
                let file = StoredFile(
                    key: "bench/\(reference.value)/\(name)", byteSize: 2_400_000, sha256: String(repeating: "0", count: 64))
                try await evidence.addEvidence(
                    EvidenceRecord(
                        id: EvidenceID(drawingFrom: SystemRandomSource()), caseReference: reference, draftKey: nil, originalName: name,
                        kind: .photo, mediaType: "image/jpeg",
                        original: file, display: file, thumbnail: file, pixelWidth: 4_000, pixelHeight: 3_000, pageCount: nil,
                        receivedAt: clock.now()
                    ))
            }
        }
    }
}
