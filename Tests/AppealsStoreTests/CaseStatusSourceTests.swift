import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import Testing

@Suite("The status page's one read brings each event and each file once, in order")
struct CaseStatusSourceTests {
    let random = SeededRandomSource(seed: 7)

    func addFile(_ name: String, to reference: CaseReference, at: Date, on world: CaseWorld) async throws {
        let stored = StoredFile(key: "k-\(name)", byteSize: 100, sha256: String(repeating: "0", count: 64))
        try await SQLEvidenceStore(database: world.db).addEvidence(
            EvidenceRecord(
                id: EvidenceID(drawingFrom: random), caseReference: reference, draftKey: nil, originalName: name, kind: .photo,
                mediaType: "image/jpeg", original: stored, display: stored, thumbnail: stored, pixelWidth: 4, pixelHeight: 3,
                pageCount: nil, receivedAt: at
            ))
    }

    @Test(arguments: TestDatabase.engines)
    func threeEventsAndThreeFilesComeBackAsThreeAndThree(engine: DatabaseEngine) async throws {
        try await CaseWorld.with(engine) { world in
            try await world.importTickets(2)
            let other = try await world.file("T0")
            let reference = try await world.file("T1")
            try await world.engine.apply(.startReview, to: reference, by: reviewer)
            try await world.engine.apply(
                .requestInformation, to: reference, by: reviewer,
                interaction: Interaction(
                    at: world.clock.now(), channel: .email, direction: .outbound, actor: "rev-1", kind: .informationRequested,
                    summary: "Please send a photo of the permit.", isPublic: true))
            // Received out of name order: the read orders by time received, not by name or id.
            for (name, minutes) in [("b.jpg", 1.0), ("c.jpg", 3.0), ("a.jpg", 2.0)] {
                try await addFile(name, to: reference, at: world.clock.now().addingTimeInterval(minutes * 60), on: world)
            }
            try await addFile("other.jpg", to: other, at: world.clock.now(), on: world)

            let facts = try #require(try await SQLCaseStatusSource(database: world.db).statusFacts(reference))
            #expect(facts.loaded.history.map(\.event) == [.file, .startReview, .requestInformation])
            #expect(facts.evidence.map(\.originalName) == ["b.jpg", "a.jpg", "c.jpg"])
            #expect(facts.ticket.number == TicketNumber("T1"))
            #expect(facts.ticket.plate.number == PlateNumber("P1"))
            #expect(facts.loaded.record.state == .awaitingCitizen)
            #expect(facts.question == "Please send a photo of the permit.")
            // Without the files (the status API): the same case, ticket and history, and nothing else read.
            let lean = try #require(try await SQLCaseStatusSource(database: world.db).statusFacts(reference, files: false))
            #expect(lean.loaded == facts.loaded && lean.ticket == facts.ticket)
            #expect(lean.evidence.isEmpty && lean.question == nil)

            let plain = try #require(try await SQLCaseStatusSource(database: world.db).statusFacts(other))
            #expect(plain.loaded.history.map(\.event) == [.file])
            #expect(plain.evidence.map(\.originalName) == ["other.jpg"])
            #expect(plain.question == nil)
            #expect(try await SQLCaseStatusSource(database: world.db).statusFacts(CaseReference(randomBits: 42)) == nil)
        }
    }
}
