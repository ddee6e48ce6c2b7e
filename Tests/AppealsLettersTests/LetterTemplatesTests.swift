import AppealsLetters
import Crypto
import Foundation
import Testing

@Suite("Letters' words come from templates an administrator can change, versioned by their hash")
struct LetterTemplatesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    static var facts: [String: Any] {
        [
            "ticketNumber": "RV26001071", "receivedDate": "23 November 2026", "reference": "K7M-4QX-9TC",
            "grounds": [["signsUnclear": true], ["paidForParking": true]],
            "status": ["state": ["submitted": true], "decisionDue": "29 January 2027"],
            "site": ["phone": "(555) 010-4477"],
        ]
    }

    @Test func theAcknowledgementSaysWhatTheStatusPageSaysNext() async throws {
        let letters = try await LetterTemplates(templatesFolder: Self.templates.path)
        let rendered = try letters.render("acknowledgement", facts: Self.facts)
        #expect(rendered.title == "We have your appeal")
        #expect(
            rendered.blocks == [
                .paragraph(
                    "Thank you for your appeal against parking ticket RV26001071. We received it on 23 November 2026. Your case reference is K7M-4QX-9TC: please quote it whenever you contact us."
                ),
                .heading("The reasons you gave"),
                .item("Signs or markings missing, unclear or hidden"),
                .item("Paid for parking (meter or app)"),
                .heading("What happens next"),
                // The status page's own sentence (partials/status-lead), markup dropped.
                .paragraph("A reviewer will look at it soon. We will send you our decision by 29 January 2027 at the latest."),
                .paragraph("While we consider your appeal you do not need to pay the penalty, and it will not increase."),
            ])
    }

    @Test func theVersionIsTheHashOfTheTemplateAndItsPartialsAndMovesWithAnyOfThem() async throws {
        let letters = try await LetterTemplates(templatesFolder: Self.templates.path)
        var hash = SHA256()
        for file in ["letters/acknowledgement", "partials/ground-label", "partials/status-lead", "partials/reason-for-citizen"] {
            hash.update(data: try Data(contentsOf: Self.templates.appendingPathComponent(file + ".mustache")))
        }
        let expected = hash.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(try letters.render("acknowledgement", facts: Self.facts).version == expected)

        // A copy of the templates with one word of a shared partial changed: another version.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "letter-templates-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: Self.templates, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lead = copy.appendingPathComponent("partials/status-lead.mustache")
        try (try String(contentsOf: lead, encoding: .utf8)).replacingOccurrences(of: "at the latest", with: "at the very latest")
            .write(to: lead, atomically: true, encoding: .utf8)
        let changed = try await LetterTemplates(templatesFolder: copy.path).render("acknowledgement", facts: Self.facts)
        #expect(changed.version != expected)
        #expect(
            changed.blocks.contains(
                .paragraph("A reviewer will look at it soon. We will send you our decision by 29 January 2027 at the very latest.")))
    }

    @Test func theRenderedLetterCarriesTheTemplatesWordsIntoThePDF() async throws {
        let rendered = try await LetterTemplates(templatesFolder: Self.templates.path).render("acknowledgement", facts: Self.facts)
        var letter = LetterRendererTests.letter()
        letter.title = rendered.title
        letter.blocks = rendered.blocks
        let pdf = try LetterRenderer().render(letter).pdf
        if let folder = ProcessInfo.processInfo.environment["LETTER_SAMPLES"] {
            try Data(pdf).write(to: URL(fileURLWithPath: folder).appendingPathComponent("acknowledgement.pdf"))
        }
        let text = try LetterRendererTests.poppler("pdftotext", [], pdf: pdf)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("We will send you our decision by 29 January 2027 at the latest."))
        #expect(flat.contains("Signs or markings missing, unclear or hidden"))
    }
}
