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

/// A supervisor sets the date and place of a hearing the citizen asked for; the notice that says them is queued
/// and produced.
@Suite("Supervisors set the hearing's date and place, and the notice says them")
struct HearingTests {
    @Test func aSupervisorSetsTheHearingAndTheNoticeCarriesItsDateAndPlace() async throws {
        let configuration = WebTest.configuration()
        let box = Box()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try #require(try await db.strings("SELECT reference AS v FROM cases WHERE state = 'hearing_requested'").first)
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("Set the hearing"))
            }
            // Problems named next to their fields; what was typed stays.
            try await cleo.post(
                "/staff/cases/\(reference)/hearing-date", [("day", "2026-11-01"), ("time", "25:00"), ("place", "Room 2, City Hall")],
                on: client
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("The hearing must be after now"))
                #expect(response.text.contains("value=\"Room 2, City Hall\""))
            }
            try await cleo.post(
                "/staff/cases/\(reference)/hearing-date", [("day", "2026-12-15"), ("time", "10:30"), ("place", "")], on: client
            ) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Enter where the hearing takes place"))
                #expect(response.text.contains("value=\"2026-12-15\""))
            }
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM letters WHERE kind = 'hearing_notice' AND case_reference = '\(reference)'")
                    == 0)
            try await cleo.post(
                "/staff/cases/\(reference)/hearing-date",
                [("day", "2026-12-15"), ("time", "10:30"), ("place", "Hearing Room 2, Riverton City Hall")],
                on: client
            ) { #expect($0.status == .found) }
            // 10:30 in New York is 15:30 UTC.
            #expect(
                try await db.strings(
                    "SELECT starts_at || ' ' || place || ' ' || set_by AS v FROM hearings WHERE case_reference = '\(reference)'")
                    == ["2026-12-15T15:30:00Z Hearing Room 2, Riverton City Hall cleo"])
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'hearing_scheduled'") == 1)

            let adapters = try Adapters(configuration: configuration, database: db, clock: TestClock())
            _ = try await adapters.produceLetters(composer: try await adapters.letterComposer()).run(limit: 1_000)
            let key = try #require(
                try await db.strings("SELECT file_key AS v FROM letters WHERE kind = 'hearing_notice' AND case_reference = '\(reference)'")
                    .first)
            let text = try PrintRoomTests.poppler("pdftotext", [], try adapters.letterStorage.read(key))
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("The date of your hearing"), "\(text)")
            #expect(text.contains("will be on Tuesday 15 December 2026 at 10:30, at Hearing Room 2, Riverton City Hall."), "\(text)")

            // Others see when it is, not the form.
            let ana = try await StaffTest.signIn("dan", on: client)
            try await ana.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("Set for <strong>15 December 2026, 10:30, Hearing Room 2, Riverton City Hall</strong>"))
                #expect(!response.text.contains("Move the hearing"))
            }
        }
    }
}
