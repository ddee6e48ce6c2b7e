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

/// The phone agent's one search box and the screen pop, over the demo data (22 cases; people come back, so some
/// numbers have two cases). Expected cases are read from the database, never written into the test.
@Suite("Phone agents find a case from whatever the caller reads out")
struct AgentSearchTests {
    /// The references a search page lists, in order.
    static func listed(_ html: String) -> [String] {
        html.matches(of: /href="\/staff\/cases\/([A-Z0-9]{9})" data-row/).map { String($0.output.1) }
    }

    static func references(_ db: AppDatabase, _ sql: String) async throws -> Set<String> {
        try await db.withConnection { try await $0.raw(SQLQueryString(sql)).all().map { try $0.decode(column: "v", as: String.self) } }
            .reduce(into: Set<String>()) { $0.insert($1) }
    }

    @Test func eachKindOfIdentifierFindsTheCaseHoweverItIsTyped() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let dan = try await StaffTest.signIn("dan", on: client)
            func search(_ text: String) async throws -> (html: String, refs: [String]) {
                let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                return try await dan.get("/agent?q=\(query)", on: client) { response in
                    #expect(response.status == .ok, "\(text)")
                    return (response.text, Self.listed(response.text))
                }
            }
            // A reference read out in lower case with spaces and a dash.
            let reference = try #require(try await StaffTest.value(db, "SELECT reference AS v FROM cases ORDER BY reference LIMIT 1"))
            let messy =
                reference.lowercased().prefix(3) + " " + reference.lowercased().dropFirst(3).prefix(3) + "-"
                + reference.lowercased().suffix(3)
            #expect(try await search(String(messy)).refs == [reference])
            // A phone number as people write it, in the default calling code: every case with that number.
            let phoneCases = try await Self.references(db, "SELECT case_reference AS v FROM appeals WHERE mobile_e164 = '+15550101000'")
            #expect(phoneCases.count == 3, "the demo's Maria Garcia appealed three times")
            #expect(Set(try await search("(555) 010-1000").refs) == phoneCases)
            #expect(Set(try await search("+1 555 010 1000").refs) == phoneCases)
            // A plate with a space and in lower case.
            let plate = try #require(
                try await StaffTest.value(
                    db, "SELECT t.plate AS v FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number ORDER BY c.reference LIMIT 1")
            )
            let plateCases = try await Self.references(
                db, "SELECT c.reference AS v FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number WHERE t.plate = '\(plate)'")
            let spaced = plate.prefix(3).lowercased() + " " + plate.dropFirst(3).lowercased()
            #expect(Set(try await search(String(spaced)).refs) == plateCases)
            // A surname with its accents, and without.
            let zolc = try await Self.references(db, "SELECT case_reference AS v FROM appeals WHERE contact_name = 'Łukasz Żółć'")
            #expect(!zolc.isEmpty)
            #expect(Set(try await search("Żółć").refs) == zolc)
            #expect(Set(try await search("zolc").refs) == zolc)
            // A first name narrows a surname: the right one, with or without accents; another one finds nothing.
            #expect(Set(try await search("Łukasz Żółć").refs) == zolc)
            #expect(Set(try await search("luk zolc").refs) == zolc)
            #expect(try await search("Anna Żółć").refs.isEmpty)
            // An email address in another case.
            let emailCase = try #require(
                try await StaffTest.value(db, "SELECT case_reference AS v FROM appeals WHERE email = 'citizen1@example.org'"))
            #expect(try await search("CITIZEN1@Example.org").refs == [emailCase])
            // A ticket number.
            let ticket = try #require(
                try await StaffTest.value(db, "SELECT ticket_number AS v FROM cases WHERE reference = '\(reference)'"))
            #expect(try await search(ticket.lowercased()).refs == [reference])
            // The case page lists the caller's other appeals, found by their phone number.
            let first = try #require(phoneCases.sorted().first)
            try await dan.get("/staff/cases/\(first)", on: client) { response in
                let section = try #require(response.text.split(separator: "others-heading").last)
                let listed = Set(section.matches(of: /href="\/staff\/cases\/([A-Z0-9]{9})"/).map { String($0.output.1) })
                #expect(listed == phoneCases.subtracting([first]))
            }
            // Nothing matches: said so, with what to ask for next.
            let none = try await search("Nobodyhere")
            #expect(none.refs == [] && none.html.contains("No case matches"))
        }
    }

    @Test func aReferenceWithATypoSaysSoAndOffersTheNearMatches() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let dan = try await StaffTest.signIn("dan", on: client)
            let reference = try #require(try await StaffTest.value(db, "SELECT reference AS v FROM cases ORDER BY reference LIMIT 1"))
            // One character read wrong (a neighbouring letter of the alphabet), which the check character catches.
            var characters = Array(reference)
            let alphabet = CaseReference.alphabet
            characters[4] = alphabet[(alphabet.firstIndex(of: characters[4])! + 1) % alphabet.count]
            let typo = String(characters)
            #expect(CaseReference(typo) == nil)
            try await dan.get("/agent?q=\(typo)", on: client) { response in
                #expect(response.text.contains("This reference has a typo: check it with the caller."))
                #expect(Self.listed(response.text).contains(reference))
                #expect(!response.text.contains("No case matches"))
            }
        }
    }

    @Test func theScreenPopGoesToTheOneOpenCaseToTheListOrToAnEmptySearch() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await StaffTest.seed($0); box.db = $0
        }) { client in
            let db = try #require(box.db)
            let dan = try await StaffTest.signIn("dan", on: client)
            // Several open cases: the list.
            let open = try await Self.references(
                db,
                """
                SELECT a.case_reference AS v FROM appeals a JOIN cases c ON c.reference = a.case_reference
                WHERE a.mobile_e164 = '+15550101000' AND c.state NOT IN ('closed', 'withdrawn', 'deemed_accepted')
                """)
            #expect(open.count >= 2, "several open cases for one number")
            try await dan.get("/agent/pop?caller=%2B15550101000", on: client) { response in
                #expect(response.status == .ok)
                #expect(Set(Self.listed(response.text)) == open)
            }
            // Exactly one: straight to it.
            let single = try #require(
                try await StaffTest.value(
                    db,
                    """
                    SELECT MIN(mobile_e164) AS v FROM (
                        SELECT a.mobile_e164 FROM appeals a JOIN cases c ON c.reference = a.case_reference
                        WHERE a.mobile_e164 IS NOT NULL AND c.state NOT IN ('closed', 'withdrawn', 'deemed_accepted')
                        GROUP BY a.mobile_e164 HAVING COUNT(*) = 1) one
                    """))
            let itsCase = try #require(
                try await StaffTest.value(
                    db,
                    """
                    SELECT a.case_reference AS v FROM appeals a JOIN cases c ON c.reference = a.case_reference
                    WHERE a.mobile_e164 = '\(single)' AND c.state NOT IN ('closed', 'withdrawn', 'deemed_accepted')
                    """))
            try await dan.get("/agent/pop?caller=\(single.replacingOccurrences(of: "+", with: "%2B"))", on: client) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/staff/cases/\(itsCase)")
            }
            // None: the search page with the number, empty, saying what to ask.
            try await dan.get("/agent/pop?caller=2035550199", on: client) { response in
                #expect(response.status == .ok)
                #expect(Self.listed(response.text) == [])
                #expect(response.text.contains("+12035550199"))
            }
            // Not a number at all.
            try await dan.get("/agent/pop?caller=hello", on: client) { #expect($0.status == .unprocessableContent) }
        }
    }

    @Test func aReviewerHasNoSearchAndAnAgentSeesItInTheMenu() async throws {
        try await WebTest.withApp(seed: StaffTest.seed) { client in
            let ana = try await StaffTest.signIn("ana", on: client)
            try await ana.get("/agent?q=x", on: client) { #expect($0.status == .forbidden) }
            let dan = try await StaffTest.signIn("dan", on: client)
            try await dan.get("/staff", on: client) { #expect($0.text.contains("href=\"/agent\"")) }
        }
    }
}
