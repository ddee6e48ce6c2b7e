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

@Suite("Reviewers and supervisors work cases")
struct CaseWorkTests {

    static func reference(_ db: AppDatabase, _ condition: String) async throws -> String {
        try #require(try await StaffTest.value(db, "SELECT reference AS v FROM cases WHERE \(condition) ORDER BY reference LIMIT 1"))
    }

    /// The queue's rows as (reference, state, time left, flags), in the order shown.
    static func queueRows(_ html: String) -> [String] {
        html.split(separator: "<tr>").dropFirst(2).map { row in
            let cells = row.matches(of: /<td[^>]*>(.*?)<\/td>/.dotMatchesNewlines()).map { String($0.output.1) }
            func text(_ s: String) -> String {
                s.replacing(/<[^>]+>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            return [text(cells[0]), text(cells[3]), text(cells[4]), text(cells[5])].joined(separator: " | ")
        }
    }

    /// At the pinned time, Ana's three cases: the towed one first (its priority is higher), then the others by
    /// their next deadline; each with its state, the time left and its flags.
    @Test func theQueueListsMyCasesMostUrgentFirstWithTheirFlags() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let browser = try await StaffTest.signIn("ana", on: client)
            try await browser.get("/staff/queue", on: client) { response in
                #expect(response.status == .ok)
                #expect(
                    Self.queueRows(response.text) == [
                        "FWG-D92-22D | In review | 5 business days | Towed",
                        "2PJ-772-22M | New | 2 business days | ",
                        "XR7-K72-225 | New | 6 business days | ",
                    ])
            }
            try await browser.get("/staff/queue?state=submitted", on: client) { response in
                #expect(
                    Self.queueRows(response.text) == ["2PJ-772-22M | New | 2 business days | ", "XR7-K72-225 | New | 6 business days | "])
            }
            try await browser.get("/staff/queue?overdue=1&ground=other", on: client) { response in
                #expect(response.status == .ok)
                #expect(Self.queueRows(response.text) == [])
                #expect(response.text.contains("No case matches these filters"))
            }
        }
    }

    @Test func aReviewerCannotOpenAnotherReviewersCaseByItsAddress() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let bens = try await Self.reference(box.db!, "assignee = 'ben' AND state = 'in_review'")
            let anas = try await Self.reference(box.db!, "assignee = 'ana' AND state = 'in_review'")
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.get("/staff/cases/\(bens)", on: client) { #expect($0.status == .forbidden) }
            try await ana.get("/staff/cases/\(anas)", on: client) { #expect($0.status == .ok) }
            // The supervisor and the auditor see every case.
            for id in ["cleo", "gus"] {
                let other = try await StaffTest.signIn(id, on: client)
                try await other.get("/staff/cases/\(bens)", on: client) { #expect($0.status == .ok, "\(id)") }
            }
            // Acting on it by URL is refused the same way.
            try await ana.get("/staff/cases/\(anas)", on: client) { _ in }
            try await ana.post("/staff/cases/\(bens)/note", [("note", "sneaky")], on: client) { #expect($0.status == .forbidden) }
        }
    }

    static func decide(
        _ browser: Browser, _ reference: String, outcome: String, replies: Bool = true, action: String = "confirm",
        version: String? = nil, on client: any TestClientProtocol, check: @escaping @Sendable (TestResponse) async throws -> Void
    ) async throws {
        let page = try await browser.get("/staff/cases/\(reference)", on: client) { $0.text }
        let currentVersion = version ?? String(page.firstMatch(of: /name="version" value="(\d+)"/)?.1 ?? "0")
        var fields = [("version", currentVersion), ("outcome", outcome), ("reason_code", "evidence_accepted"), ("action", action)]
        if replies {
            for match in page.matches(of: /name="(reply_[a-z_]+)"/) { fields.append((String(match.1), "We checked the photo and agree.")) }
        }
        try await browser.post("/staff/cases/\(reference)/decide", fields, on: client, check)
    }

    @Test func theDecisionFormWillNotGoWithoutAReplyToEachGround() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let reference = try await Self.reference(box.db!, "assignee = 'ana' AND state = 'in_review'")
            let ana = try await StaffTest.signIn("ana", on: client)
            try await Self.decide(ana, reference, outcome: "upheld", replies: false, on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Write a reply to"))
                #expect(response.text.contains("value=\"upheld\" checked"), "the chosen outcome is kept")
            }
            // With replies: first the letter preview, then the decision.
            try await Self.decide(ana, reference, outcome: "upheld", action: "preview", on: client) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Check the decision letter"))
                #expect(response.text.contains("We checked the photo and agree."))
                // The letter's own words, from its template: the status page's sentence and the hearing rights.
                #expect(response.text.contains("Our decision on your appeal"))
                // Not served yet: the window is counted from this letter's deemed service.
                #expect(
                    response.text.contains(
                        "You can ask for an independent hearing within 21 days of the day this letter is deemed to reach you"))
            }
            // The exact PDF, before anything is decided.
            try await Self.decide(ana, reference, outcome: "upheld", action: "pdf", on: client) { response in
                #expect(response.headers[.contentType] == "application/pdf")
                let text = try PrintRoomTests.poppler("pdftotext", [], Data(buffer: response.body))
                #expect(text.contains("Our decision on your appeal") && text.contains("We checked the photo and agree."), "\(text)")
                #expect(text.contains(try #require(CaseReference(reference)).grouped))
            }
            #expect(
                try await StaffTest.value(box.db!, "SELECT state AS v FROM cases WHERE reference = '\(reference)'") == "in_review",
                "a preview changes nothing")
            try await Self.decide(ana, reference, outcome: "upheld", on: client) { #expect($0.status == .found) }
            #expect(try await StaffTest.value(box.db!, "SELECT state AS v FROM cases WHERE reference = '\(reference)'") == "decided")
            let decision = try #require(
                try await StaffTest.value(box.db!, "SELECT decision AS v FROM cases WHERE reference = '\(reference)'"))
            #expect(decision.contains("We checked the photo and agree."), "the replies are kept with the decision")
        }
    }

    @Test func aDecisionNeedingApprovalCannotBeApprovedByItsAuthor() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            // Nia is in her first month: her cancellation waits for a supervisor.
            let pending = try await Self.reference(box.db!, "state = 'awaiting_approval'")
            // Cleo (supervisor and reviewer) decides a case herself above the threshold, then tries to approve it.
            let cleos = try await Self.reference(box.db!, "assignee = 'cleo' AND state = 'in_review'")
            // A ticket above the approval threshold: any decision on it needs a second pair of eyes.
            try await box.db!.withConnection {
                try await $0.raw(
                    SQLQueryString(
                        "UPDATE cases SET ticket_amount_cents = 1000000 WHERE reference = \(bind: cleos)")
                ).run()
            }
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await Self.decide(cleo, cleos, outcome: "upheld", on: client) { #expect($0.status == .found) }
            #expect(try await StaffTest.value(box.db!, "SELECT state AS v FROM cases WHERE reference = '\(cleos)'") == "awaiting_approval")
            do {
                let version = try #require(
                    try await StaffTest.value(box.db!, "SELECT CAST(version AS TEXT) AS v FROM cases WHERE reference = '\(cleos)'"))
                try await cleo.get("/staff/cases/\(cleos)", on: client) { #expect(!$0.text.contains("Approve the decision")) }
                try await cleo.post("/staff/cases/\(cleos)/approve", [("version", version)], on: client) { response in
                    #expect(response.status == .conflict)
                    #expect(response.text.contains("You made this decision, so another supervisor must approve it."))
                }
            }
            // The supervisor approves Nia's.
            try await cleo.get("/staff/approvals", on: client) { #expect($0.text.contains(pending)) }
            let version = try #require(
                try await StaffTest.value(box.db!, "SELECT CAST(version AS TEXT) AS v FROM cases WHERE reference = '\(pending)'"))
            try await cleo.get("/staff/cases/\(pending)", on: client) { #expect($0.text.contains("Approve the decision")) }
            try await cleo.post("/staff/cases/\(pending)/approve", [("version", version)], on: client) { #expect($0.status == .found) }
            #expect(try await StaffTest.value(box.db!, "SELECT state AS v FROM cases WHERE reference = '\(pending)'") == "decided")
            // A reviewer has no approval page.
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.get("/staff/approvals", on: client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func twoPeopleDecidingTheSameCaseOneWinsTheOtherIsToldClearly() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let reference = try await Self.reference(box.db!, "assignee = 'ana' AND state = 'in_review'")
            let version = try #require(
                try await StaffTest.value(box.db!, "SELECT CAST(version AS TEXT) AS v FROM cases WHERE reference = '\(reference)'"))
            let ana = try await StaffTest.signIn("ana", on: client)
            let cleo = try await StaffTest.signIn("cleo", on: client)
            // Both have the case open at the same version; Ana sends first.
            let grounds = try #require(
                try await StaffTest.value(box.db!, "SELECT grounds AS v FROM cases WHERE reference = '\(reference)'"))
            let fields =
                [("version", version), ("reason_code", "evidence_accepted"), ("action", "confirm")]
                + grounds.split(separator: ",").map { ("reply_\($0)", "Checked.") }
            try await cleo.get("/staff/cases/\(reference)", on: client) { _ in }
            try await ana.get("/staff/cases/\(reference)", on: client) { _ in }
            try await ana.post("/staff/cases/\(reference)/decide", fields + [("outcome", "upheld")], on: client) {
                #expect($0.status == .found)
            }
            try await cleo.post("/staff/cases/\(reference)/decide", fields + [("outcome", "cancelled")], on: client) { response in
                #expect(response.status == .conflict)
                #expect(response.text.contains("This case changed since you opened it"))
            }
            let decision = try #require(
                try await StaffTest.value(box.db!, "SELECT decision AS v FROM cases WHERE reference = '\(reference)'"))
            #expect(decision.contains("upheld"))
        }
    }

    @Test func staffSeeTheCitizensPhotoAndOriginalDownloadsAreRecorded() async throws {
        let box = Box()
        let configuration = WebTest.configuration()
        try await WebTest.withApp(
            configuration: configuration,
            seed: { db in
                try await StaffTest.seed(db)
                try await AppealJourneyTests.seed(db)
                box.db = db
            }
        ) { client in
            // A citizen files with a photo and a PDF.
            let citizen = Browser()
            try await AppealJourneyTests.fillIn(
                citizen,
                evidence: [
                    try AppealEvidenceTests.corpusFile("orientation-6.jpg"),
                    try AppealEvidenceTests.corpusFile("receipt.pdf"),
                ], on: client)
            try await citizen.get("/appeal/check", on: client) { _ in }
            try await citizen.post("/appeal/check", [], on: client) { _ in }
            let reference = try await Self.reference(box.db!, "reference IN (SELECT case_reference FROM evidence)")
            let photo = try #require(try await StaffTest.value(box.db!, "SELECT id AS v FROM evidence WHERE kind = 'photo'"))
            let pdf = try #require(try await StaffTest.value(box.db!, "SELECT id AS v FROM evidence WHERE kind = 'pdf'"))
            let cleo = try await StaffTest.signIn("cleo", on: client)
            try await cleo.get("/staff/cases/\(reference)", on: client) { response in
                #expect(response.text.contains("/staff/evidence/\(photo)/thumbnail"))
                #expect(response.text.contains("/staff/evidence/\(pdf)/document"))
            }
            try await cleo.get("/staff/evidence/\(photo)/display", on: client) { response in
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(response.headers[.contentDisposition]?.hasPrefix("inline") == true)
            }
            try await cleo.get("/staff/evidence/\(pdf)/document", on: client) { response in
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            let original = try AppealEvidenceTests.corpusFile("orientation-6.jpg").data
            try await cleo.get("/staff/evidence/\(photo)/original", on: client) { response in
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                #expect(response.headers[.contentType] == "application/octet-stream")
                // The handler's own policy, not the pages' one the security headers add to everything else.
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; sandbox")
                #expect(Data(response.body.readableBytesView) == original)
            }
            #expect(
                try await box.db!.count(
                    "SELECT COUNT(*) AS n FROM interactions WHERE kind = 'evidence_original_downloaded' AND actor = 'cleo'") == 1)
            // A phone agent may look at the photo but not take the original.
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff/evidence/\(photo)/thumbnail", on: client) { #expect($0.status == .ok) }
            try await dan.get("/staff/evidence/\(photo)/original", on: client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func aSupervisorSeesTheLoadAndTheBreachesAndReassignsSeveralCasesAtOnce() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let before = try await db.count("SELECT COUNT(*) AS n FROM cases WHERE assignee = 'ben'")
            let cleo = try await StaffTest.signIn("cleo", on: client)
            let page = try await cleo.get("/staff/team", on: client) { response -> String in
                #expect(response.status == .ok)
                #expect(response.text.contains("Ben Reviewer"))
                #expect(response.text.contains("Past a deadline"))
                return response.text
            }
            let ticked = page.matches(of: /name="case\[\]" value="([A-Z0-9]{9})"/).prefix(2).map { String($0.1) }
            try #require(ticked.count == 2, "the demo data has cases past a deadline")
            // Nothing chosen: said clearly.
            try await cleo.post("/staff/reassign", ticked.map { ("case[]", $0) }, on: client) {
                #expect($0.status == .unprocessableContent)
            }
            try await cleo.post("/staff/reassign", ticked.map { ("case[]", $0) } + [("to", "ben")], on: client) { response in
                #expect(response.headers[.location] == "/staff/team?moved=2")
            }
            #expect(try await db.count("SELECT COUNT(*) AS n FROM cases WHERE assignee = 'ben'") == before + 2)
            #expect(
                try await db.count("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'assign' AND actor_id = 'cleo'") == 2)
            // The case page says who has it by name.
            try await cleo.get("/staff/cases/\(ticked[0])", on: client) { #expect($0.text.contains("With Ben Reviewer")) }
        }
    }

    @Test func aRequestForInformationPausesTheCaseAndTheCitizenReadsTheQuestion() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let reference = try await Self.reference(db, "assignee = 'ana' AND state = 'in_review'")
            let ana = try await StaffTest.signIn("ana", on: client)
            let version = try await ana.get("/staff/cases/\(reference)", on: client) {
                String($0.text.firstMatch(of: /name="version" value="(\d+)"/)?.1 ?? "")
            }
            try await ana.post("/staff/cases/\(reference)/request-information", [("version", version), ("message", "")], on: client) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Write what you need from the citizen"))
            }
            try await ana.post(
                "/staff/cases/\(reference)/request-information",
                [("version", version), ("message", "Please send a photo of your permit.")], on: client
            ) { #expect($0.status == .found) }
            #expect(try await StaffTest.value(db, "SELECT state AS v FROM cases WHERE reference = '\(reference)'") == "awaiting_citizen")
            let plate = try #require(
                try await StaffTest.value(
                    db,
                    "SELECT t.plate AS v FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number WHERE c.reference = '\(reference)'"
                ))
            let citizen = try await Browser.open("/status", on: client)
            try await citizen.post("/status", [("reference", reference), ("plate", plate)], on: client) { response in
                #expect(response.text.contains("We need more information from you"))
                #expect(response.text.contains("Please send a photo of your permit."))
            }
        }
    }
}
