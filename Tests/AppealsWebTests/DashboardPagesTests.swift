import AppealsDomain
import AppealsServices
import AppealsStore
import AppealsTestSupport
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@testable import AppealsWeb

/// The dashboard as supervisors and auditors use it, over the demo's cases: every number it links leads to as many
/// cases, exports carry what they say, the period is checked, and the auditor verifies the trail.
@Suite("The dashboard and the audit trail as pages")
struct DashboardPagesTests {
    /// Each linked number of a page: its text and where it leads.
    static func links(_ html: String) -> [(count: Int, href: String)] {
        html.matches(of: /<a href="(\/staff\/dashboard\/cases\?[^"]+)">([0-9,]+)<\/a>/).compactMap { match in
            Int(match.2.replacingOccurrences(of: ",", with: "")).map { ($0, String(match.1).replacingOccurrences(of: "&amp;", with: "&")) }
        }
    }

    static func rows(_ html: String) -> Int { html.matches(of: /class="case-link reference"/).count }

    @Test func everyLinkedNumberLeadsToThatManyCasesAndTheChartsSayWhatTheyShow() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let supervisor = try await StaffTest.signIn("cleo", on: client)
            let html = try await supervisor.get("/staff/dashboard", on: client) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(html.contains("<h2 id=\"received-heading\">Appeals received, by channel</h2>"))
            #expect(html.contains("<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"received-chart-title received-chart-desc\""))
            #expect(html.contains("<title id=\"received-chart-title\">Appeals received by channel</title>"))
            let links = Self.links(html)
            #expect(links.count > 60, "every count of the page is a link: \(links.count)")
            #expect(links.contains { $0.count > 0 }, "the demo's cases are counted")
            var followed = 0
            for link in links where link.count <= 50 {
                let shown = try await supervisor.get(link.href, on: client) { response in
                    #expect(response.status == .ok, "\(link.href)")
                    return Self.rows(response.text)
                }
                if link.href.contains("figure=calls") || link.href.contains("figure=letters") {
                    // Calls and letters are counted, and the appeals they were about are listed.
                    #expect(shown <= link.count && (shown > 0) == (link.count > 0), "\(link.href) says \(link.count) and lists \(shown)")
                } else {
                    #expect(shown == link.count, "\(link.href) says \(link.count) and lists \(shown)")
                }
                followed += 1
            }
            #expect(followed > 60)
        }
    }

    @Test func theCasesBehindAFigureAsCSVAndTheMonthlyReportWithoutPersonalData() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let supervisor = try await StaffTest.signIn("cleo", on: client)
            let html = try await supervisor.get("/staff/dashboard", on: client) { $0.text }
            let received = try #require(Self.links(html).first { $0.href.contains("figure=received") && !$0.href.contains("channel=") })
            let csv = try await supervisor.get(received.href + "&format=csv", on: client) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                return response.text
            }
            let lines = csv.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("case_reference,ticket_number,plate,state,") == true)
            #expect(lines.count == received.count + 1)

            let report = try await supervisor.get("/staff/dashboard/report?month=2026-11&format=csv", on: client) { $0.text }
            #expect(report.hasPrefix("section,measure,this_month,previous_month\r\n"))
            #expect(report.contains("Appeals received,All channels,"))
            for name in ["Ana Reviewer", "Ben Reviewer", "cleo", "@"] { #expect(!report.contains(name), "no personal data: \(name)") }
            try await supervisor.get("/staff/dashboard/report?month=2026-11", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("1 November 2026 to 30 November 2026 (30 days)"))
                #expect(response.text.contains("1 October 2026 to 31 October 2026 (31 days)"), "beside the calendar month before")
            }
            try await supervisor.get("/staff/dashboard/report?month=2026-13", on: client) { #expect($0.status == .badRequest) }
        }
    }

    @Test func aPeriodThatCannotBeShownSaysWhyNextToItsField() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let supervisor = try await StaffTest.signIn("cleo", on: client)
            try await supervisor.get("/staff/dashboard?period=range&from=2026-11-30&to=2026-11-01", on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(
                    response.text.contains("<p class=\"error-message\" id=\"to-error\">The last day must be on or after the first day</p>"))
                #expect(response.text.contains("value=\"2026-11-30\""), "what was typed stays")
            }
            try await supervisor.get("/staff/dashboard?period=range&from=2020-01-01&to=2026-11-01", on: client) { response in
                #expect(response.text.contains("Choose at most 1100 days"))
            }
            try await supervisor.get("/staff/dashboard?period=week", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("23 November 2026 to 23 November 2026 (1 days)"), "Monday to today")
            }
            try await supervisor.get("/staff/dashboard/cases?period=range&from=2026-11-01&to=2026-11-30&figure=nonsense", on: client) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func anAuditorFiltersTheTrailAndVerifiesTheChainWhichFindsAnEditedEvent() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0)
            box.db = $0
        }) { client in
            let db = try #require(box.db)
            let auditor = try await StaffTest.signIn("gus", on: client)
            let reference = try #require(
                try await StaffTest.value(db, "SELECT case_reference AS v FROM audit_events WHERE case_reference IS NOT NULL LIMIT 1"))
            let events = try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE case_reference = '\(reference)'")
            try await auditor.get("/staff/audit?case=\(reference)", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.matches(of: /<a class="reference" href="\/staff\/audit\?case=/).count == events)
            }
            try await auditor.get("/staff/audit?actor=ana&event=decide", on: client) { response in
                let rows = response.text.matches(of: /<td>decide<\/td>/).count
                #expect(rows > 0)
                #expect(!response.text.contains("<td>start review</td>"))
            }
            try await auditor.get("/staff/audit?case=nonsense", on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"case-error\""))
            }
            try await auditor.post("/staff/audit/verify", [], on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Audit trail intact:"))
            }
            try await db.withConnection { try await $0.raw("UPDATE audit_events SET reason = 'edited' WHERE seq = 3").run() }
            try await auditor.post("/staff/audit/verify", [], on: client) { response in
                #expect(response.text.contains("Audit trail BROKEN at event 3"))
            }
        }
    }
}
