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

@Suite("An agent logs a call in a few keystrokes, and repeat calls raise the case's priority")
struct CallLogTests {
    @Test func aCallLandsOnTheTimelineAndTheSecondOneRaisesThePriority() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try #require(
                try await StaffTest.value(
                    db, "SELECT reference AS v FROM cases WHERE state = 'submitted' AND contact_count = 0 ORDER BY reference LIMIT 1"))
            func number(_ column: String) async throws -> Int {
                try await db.count("SELECT \(column) AS n FROM cases WHERE reference = '\(reference)'")
            }
            let priorityBefore = try await number("priority")
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("Log this call"))
                #expect(response.text.contains("name=\"reason\""))
            }
            // Nothing chosen: each missing answer is named, and the note stays.
            try await dan.post("/staff/cases/\(reference)/call", [("note", "Caller asked about the photo")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Choose why they called"))
                #expect(response.text.contains("Choose the outcome"))
                #expect(response.text.contains("Say whether it was resolved on this call"))
                #expect(response.text.contains(">Caller asked about the photo</textarea>"))
            }
            #expect(try await number("contact_count") == 0)
            let call = [("reason", "status_enquiry"), ("outcome", "answered"), ("resolved", "yes"), ("note", "Read the status to her")]
            try await dan.post("/staff/cases/\(reference)/call", call, on: client) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/staff/cases/\(reference)#timeline")
            }
            #expect(try await number("contact_count") == 1)
            #expect(try await number("priority") == priorityBefore, "one call is not a repeat contact")
            try await dan.post("/staff/cases/\(reference)/call", call, on: client) { #expect($0.status == .found) }
            #expect(try await number("contact_count") == 2)
            #expect(try await number("priority") == priorityBefore + 20, "a repeat contact raises the priority")
            #expect(
                try await db.count(
                    """
                    SELECT COUNT(*) AS n FROM interactions WHERE case_reference = '\(reference)' AND kind = 'call' AND channel = 'phone'
                    AND actor = 'dan' AND call_reason = 'status_enquiry' AND call_outcome = 'answered' AND call_resolved = \(WebTest.engine == .postgres ? "TRUE" : "1")
                    AND summary = 'Read the status to her'
                    """) == 2)
            try await dan.get("/staff/cases/\(reference)", on: client) { response in
                #expect(
                    response.text.contains(
                        "Phone call</strong><span class=\"timeline-call\">Asked where the appeal stands · Answered on the call · resolved on the call</span>"
                    ))
                #expect(response.text.contains(" · Dan Agent</span>"), "the timeline names the agent who took the call")
            }
            // A reviewer does not take calls.
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.post("/staff/cases/\(reference)/call", call, on: client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func anAgentMarksTheCitizenVulnerableWithAReasonAndThePriorityRises() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try #require(
                try await StaffTest.value(
                    db,
                    "SELECT reference AS v FROM cases WHERE state = 'submitted' AND vulnerable = \(WebTest.engine == .postgres ? "FALSE" : "0") ORDER BY reference LIMIT 1"
                ))
            func number(_ column: String) async throws -> Int {
                try await db.count("SELECT \(column) AS n FROM cases WHERE reference = '\(reference)'")
            }
            let before = try await number("priority")
            let version = try await number("version")
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Mark as vulnerable")) }
            // No reason: refused, said next to the field.
            try await dan.post(
                "/staff/cases/\(reference)/vulnerable", [("vulnerable", "yes"), ("reason", " "), ("version", "\(version)")], on: client
            ) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("<span class=\"visually-hidden\">Error:</span> Say why"))
            }
            let reason = "Recently bereaved; finds phone calls hard"
            try await dan.post(
                "/staff/cases/\(reference)/vulnerable", [("vulnerable", "yes"), ("reason", reason), ("version", "\(version)")], on: client
            ) {
                #expect($0.status == .found)
            }
            #expect(try await number("priority") == before + 25)
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)' AND event = 'vulnerable_set' AND actor_id = 'dan' AND reason = '\(reason)'"
                ) == 1)
            try await dan.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("Clear the flag"))
                #expect(response.text.contains("<strong>Marked as a vulnerable citizen</strong>"))
            }
            // A stale page's version is refused with "changed since you opened it".
            try await dan.post(
                "/staff/cases/\(reference)/vulnerable", [("vulnerable", "no"), ("reason", "Better now"), ("version", "\(version)")],
                on: client
            ) {
                #expect($0.status == .conflict)
            }
            try await dan.post(
                "/staff/cases/\(reference)/vulnerable", [("vulnerable", "no"), ("reason", "Better now"), ("version", "\(version + 1)")],
                on: client
            ) {
                #expect($0.status == .found)
            }
            #expect(try await number("priority") == before)
        }
    }

    @Test func anAgentCorrectsTheContactDetailsAndTheOldValuesAreAudited() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try #require(
                try await StaffTest.value(
                    db, "SELECT case_reference AS v FROM appeals WHERE mobile_e164 IS NOT NULL ORDER BY case_reference LIMIT 1"))
            let oldMobile = try #require(
                try await StaffTest.value(db, "SELECT mobile_e164 AS v FROM appeals WHERE case_reference = '\(reference)'"))
            let name = try #require(
                try await StaffTest.value(db, "SELECT contact_name AS v FROM appeals WHERE case_reference = '\(reference)'"))
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(reference)", on: client) { #expect($0.text.contains("Correct the contact details")) }
            var fields = [
                ("name", name), ("address", "7 New Road\nRiverton RV 20509"), ("email", ""), ("mobile", "203 55"), ("channel", "sms"),
            ]
            try await dan.post("/staff/cases/\(reference)/contact", fields, on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Enter a mobile number like 203 555 0123"))
                #expect(response.text.contains("value=\"203 55\""))
                #expect(response.text.contains("<details class=\"contact-correction\" open>"))
            }
            #expect(
                try await StaffTest.value(db, "SELECT mobile_e164 AS v FROM appeals WHERE case_reference = '\(reference)'") == oldMobile)
            fields[3] = ("mobile", "(203) 555-0177")
            try await dan.post("/staff/cases/\(reference)/contact", fields, on: client) { #expect($0.status == .found) }
            #expect(
                try await StaffTest.value(db, "SELECT mobile_e164 AS v FROM appeals WHERE case_reference = '\(reference)'")
                    == "+12035550177")
            #expect(
                try await StaffTest.value(db, "SELECT postal_address AS v FROM appeals WHERE case_reference = '\(reference)'")
                    == "7 New Road\nRIVERTON RV 20509")
            let detail = try #require(
                try await StaffTest.value(
                    db,
                    "SELECT detail AS v FROM audit_events WHERE case_reference = '\(reference)' AND event = 'contact_corrected' AND actor_id = 'dan'"
                ))
            #expect(
                detail.contains("was: name=\(name)") && detail.contains("mobile=\(oldMobile)") && detail.contains("now: ")
                    && detail.contains("mobile=+12035550177"))
            try await dan.get("/agent?q=2035550177", on: client) { #expect(AgentSearchTests.listed($0.text) == [reference]) }
            try await dan.get("/staff/cases/\(reference)", on: client) {
                #expect($0.text.contains("<strong>Contact details corrected</strong>"))
            }
        }
    }

    @Test func anAgentWithdrawsForTheCallerAfterReadingItBackAndAsksForAHearing() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let open = try #require(
                try await StaffTest.value(db, "SELECT reference AS v FROM cases WHERE state = 'submitted' ORDER BY reference LIMIT 1"))
            let amount = try await db.count("SELECT ticket_amount_cents AS n FROM cases WHERE reference = '\(open)'")
            let version = try await db.count("SELECT version AS n FROM cases WHERE reference = '\(open)'")
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/cases/\(open)", on: client) { #expect($0.text.contains("Withdraw the appeal…")) }
            try await dan.post("/staff/cases/\(open)/withdraw", [("version", "\(version)")], on: client) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains(
                        String(
                            format: "If you withdraw, we will stop considering your appeal and the ticket for $%.2f will stand.",
                            Double(amount) / 100)))
            }
            #expect(
                try await StaffTest.value(db, "SELECT state AS v FROM cases WHERE reference = '\(open)'") == "submitted",
                "asking changed nothing")
            try await dan.post("/staff/cases/\(open)/withdraw", [("version", "\(version)"), ("confirm", "yes")], on: client) {
                #expect($0.status == .found)
            }
            #expect(try await StaffTest.value(db, "SELECT state AS v FROM cases WHERE reference = '\(open)'") == "withdrawn")
            #expect(
                try await db.count(
                    "SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(open)' AND event = 'withdraw' AND actor_id = 'dan' AND actor_role = 'phone_agent'"
                ) == 1)
            // An upheld decision inside the hearing window: the caller asks for a hearing.
            let decided = try #require(
                try await StaffTest.value(
                    db, "SELECT reference AS v FROM cases WHERE state = 'decided' AND decision LIKE '%upheld%' ORDER BY reference LIMIT 1"))
            let decidedVersion = try await db.count("SELECT version AS n FROM cases WHERE reference = '\(decided)'")
            try await dan.get("/staff/cases/\(decided)", on: client) { #expect($0.text.contains("Ask for an independent hearing")) }
            try await dan.post("/staff/cases/\(decided)/hearing", [("version", "\(decidedVersion)")], on: client) {
                #expect($0.status == .found)
            }
            #expect(try await StaffTest.value(db, "SELECT state AS v FROM cases WHERE reference = '\(decided)'") == "hearing_requested")
        }
    }
}
