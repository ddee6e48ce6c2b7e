import AppealsApp
import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Calls back: asked for on the status page (or booked by an agent), worked from the Callbacks due list, kept by
/// the call logged on the case, and missed once, warning the supervisors. The clock is pinned to Monday
/// 23 November 2026, 10:00 in New York.
@Suite("A call back is kept like a deadline")
struct CallbacksTests {
    static func plate(of reference: String, _ db: AppDatabase) async throws -> String {
        try #require(
            try await db.strings(
                "SELECT t.plate AS v FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number WHERE c.reference = '\(reference)'"
            )
            .first)
    }

    @Test func aCitizenAsksForACallBackAndAnAgentKeepsIt() async throws {
        let clock = TestClock()
        let box = Box()
        let configuration = WebTest.configuration()
        try await WebTest.withApp(
            configuration: configuration, clock: clock,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try await PrintRoomTests.fileOnTheWeb(
                client, db,
                contact: [
                    ("name", "Zoë Ødegård"), ("address", "12 Elm Street\nRiverton RV 20501"), ("mobile", "203 555 0144"),
                    ("channel", "sms"),
                ])
            let plate = try await Self.plate(of: reference, db)
            let citizen = try await Browser.open("/status", on: client)
            let lookUp = [("reference", reference), ("plate", plate)]
            try await citizen.post("/status", lookUp, on: client) { #expect($0.text.contains("Ask us to call you back")) }
            try await citizen.post("/status/callback", lookUp, on: client) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Monday 23 November 2026, in the afternoon"))
                #expect($0.text.contains("Tuesday 24 November 2026, in the morning (before noon)"))
                #expect(!$0.text.contains("Monday 23 November 2026, in the morning"))  // under way already
            }
            // No window chosen; then a number that is not one: each said beside its field, the rest kept.
            try await citizen.post("/status/callback", lookUp + [("confirm", "yes"), ("reason", "About the photos")], on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Choose when we should call you"))
                #expect($0.text.contains(">About the photos</textarea>"))
            }
            try await citizen.post(
                "/status/callback", lookUp + [("confirm", "yes"), ("window", "2026-11-24-morning"), ("phone", "12")], on: client
            ) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Enter a phone number, like 212 555 0123"))
                #expect($0.text.contains("value=\"2026-11-24-morning\" checked"))
            }
            try await citizen.post(
                "/status/callback", lookUp + [("confirm", "yes"), ("window", "2026-11-24-morning"), ("reason", "About the photos")],
                on: client
            ) {
                #expect($0.status == .ok)
                #expect($0.text.contains("We will call you back on Tuesday 24 November 2026, in the morning (before noon)."))
            }
            // Asked again: said when, nothing more booked.
            try await citizen.post("/status/callback", lookUp, on: client) {
                #expect($0.text.contains("We will call you back on Tuesday 24 November 2026, in the morning"))
            }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM callbacks") == 1)
            #expect(
                try await db.strings("SELECT body AS v FROM notifications WHERE kind = 'callback_booked' AND recipient = 'citizen'")
                    == ["2026-11-24-morning"])

            let agent = try await StaffTest.signIn("dan", on: client)
            try await agent.get("/staff/callbacks", on: client) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<a href=\"tel:+12035550144\">+12035550144</a>"))
                #expect($0.text.contains("About the photos"))
                #expect($0.text.contains("The citizen, online"))
            }
            // The window ends uncalled: missed once, however often the sweeper runs, and the supervisors told.
            clock.advance(days: 1, seconds: 3 * 3_600)  // Tuesday 13:00
            let adapters = try Adapters(configuration: configuration, database: db, clock: clock)
            #expect(try await adapters.callbacks.sweep() == 1)
            #expect(try await adapters.callbacks.sweep() == 0)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'callback_missed' AND recipient = 'supervisors'")
                    == 1)
            #expect(try await db.count("SELECT COUNT(*) AS n FROM interactions WHERE kind = 'callback_missed'") == 1)
            let nextDay = try await StaffTest.signIn("dan", on: client)  // yesterday's session has timed out
            try await nextDay.get("/staff/callbacks", on: client) { #expect($0.text.contains("Missed</strong>")) }
            // The agent calls and logs the call: the call back is kept, and off the list.
            try await nextDay.get("/staff/cases/\(reference)", on: client) { #expect($0.status == .ok) }
            try await nextDay.post(
                "/staff/cases/\(reference)/call", [("reason", "status_enquiry"), ("outcome", "answered"), ("resolved", "yes")], on: client
            ) { #expect($0.status == .found) }
            #expect(try await db.strings("SELECT status AS v FROM callbacks") == ["done"])
            try await nextDay.get("/staff/callbacks", on: client) { #expect($0.text.contains("No call back is due")) }
        }
    }

    @Test func anAgentBooksACallBackForACallerWithoutAMobileNumber() async throws {
        let clock = TestClock()
        let box = Box()
        try await WebTest.withApp(
            clock: clock,
            seed: {
                try await StaffTest.seed($0); box.db = $0
            }
        ) { client in
            let db = try #require(box.db)
            let reference = try await PrintRoomTests.fileByPost(client, db, name: "Guadalupe Fernández-Villaseñor")
            let agent = try await StaffTest.signIn("dan", on: client)
            try await agent.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Book a call back…")) }
            let form = "/staff/cases/\(reference)/callback"
            try await agent.post(form, [], on: client) { #expect($0.text.contains("Monday 23 November 2026, in the afternoon")) }
            try await agent.post(form, [("confirm", "yes"), ("window", "2026-11-23-afternoon")], on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Enter the number to call: the case has no mobile number"))
            }
            // A window no longer offered (this morning is under way) is refused.
            try await agent.post(form, [("confirm", "yes"), ("window", "2026-11-23-morning"), ("phone", "(203) 555-0188")], on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Choose when to call"))
            }
            try await agent.post(
                form,
                [
                    ("confirm", "yes"), ("window", "2026-11-23-afternoon"), ("phone", "(203) 555-0188"),
                    ("reason", "Wants the decision explained"),
                ],
                on: client
            ) {
                #expect($0.status == .found)
            }
            #expect(try await db.strings("SELECT phone AS v FROM callbacks WHERE requested_by = 'dan'") == ["+12035550188"])
            try await agent.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Call back booked")) }
            // The call the agent logs now, booking it, does not keep it: its window has not begun.
            let call = [("reason", "status_enquiry"), ("outcome", "call_back_needed"), ("resolved", "no")]
            try await agent.post("/staff/cases/\(reference)/call", call, on: client) { #expect($0.status == .found) }
            #expect(try await db.strings("SELECT status AS v FROM callbacks") == ["due"])
            // Called back early from the Callbacks due list: kept.
            let link = try await agent.get("/staff/callbacks", on: client) { response in
                try #require(response.text.firstMatch(of: /href="(\/staff\/cases\/[0-9A-Z]+\?callback=1)#call-heading"/)?.output.1)
                    .description
            }
            try await agent.get(link, on: client) { #expect($0.text.contains("name=\"callback\" value=\"yes\"")) }
            try await agent.post("/staff/cases/\(reference)/call", call + [("callback", "yes")], on: client) {
                #expect($0.status == .found)
            }
            #expect(try await db.strings("SELECT status AS v FROM callbacks") == ["done"])
            // A reviewer does not work the list.
            let reviewer = try await StaffTest.signIn("ana", on: client)
            try await reviewer.get("/staff/callbacks", on: client) { #expect($0.status == .forbidden) }
        }
    }
}
