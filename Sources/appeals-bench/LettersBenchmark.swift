import AppealsDomain
import AppealsLetters
import AppealsServices
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Lays out COUNT decision letters (upheld, reduced and cancelled in turn, each replying to one to six grounds, some
/// long enough for a second page) from the real templates, each as its own PDF the way the letters service stores
/// them, and streams every one into one print batch PDF the way the print room does. Prints letters a second for
/// the letters alone, for the batch alone and for both, and the process's peak RSS. Target: 100 letters/s and
/// peak RSS under 300 MB for 10,000 letters.
struct LettersBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "letters")

    @Option var count = 10_000
    @Option(help: "The templates folder.") var templates = "templates"
    @Option(help: "Where to write the batch PDF (deleted afterwards unless --keep).") var output = "/tmp/appeals-letters-bench.pdf"
    @Flag var keep = false
    @Flag(help: "Lay each letter out for the batch only (no letter PDF of its own).") var batchOnly = false
    @Flag(help: "Make each letter's own PDF only (no batch).") var lettersOnly = false

    func run() async throws {
        let composer = PDFLetterComposer(
            templates: try await LetterTemplates(templatesFolder: templates), renderer: LetterRenderer(), authority: Authority())
        let writer = try composer.printBatch(writingTo: URL(fileURLWithPath: output))
        defer { if !keep { try? FileManager.default.removeItem(atPath: output) } }
        let calendar = BusinessCalendar(timeZone: TimeZone(identifier: "America/New_York")!)
        let names = ["Nguyễn Thị Ánh", "Łukasz Żółć", "José Muñoz", "محمد العلي", "Mary O'Brien", "Chen Wei"]
        let outcomes: [Outcome] = [.upheld, .reduced, .cancelled]
        let reply = "We looked at the photographs taken by the officer and at the evidence you sent. "
        var composeSeconds = 0.0, batchSeconds = 0.0, pdfBytes = 0, pages = 0
        for index in 0..<count {
            let grounds = Array(Ground.allCases.prefix(1 + index % 6))
            let outcome = outcomes[index % 3]
            let decided = calendar.instant(LocalDate(year: 2026, month: 12, day: 1)!, LocalTime(hour: 10))
            let decision = Decision(
                outcome: outcome, amountDueCents: outcome == .cancelled ? 0 : outcome == .reduced ? 3_500 : 6_500,
                reasonCode: outcome == .cancelled ? .signageInadequate : .contraventionOccurred, decidedBy: StaffID("ana"), approvedBy: nil,
                decidedAt: decided,
                replies: Dictionary(uniqueKeysWithValues: grounds.map { ($0.rawValue, String(repeating: reply, count: 1 + index % 5)) }))
            let status = CaseStatus(
                reference: CaseReference(randomBits: UInt64(index) &* 0x9E37_79B9_7F4A_7C15), state: .decided,
                ticket: Ticket(
                    number: TicketNumber("RV\(26_000_000 + index)")!,
                    plate: Plate(number: PlateNumber("ABC\(index % 10_000)")!, region: PlateRegion("NY")!),
                    issuedAt: decided.addingTimeInterval(-30 * 86_400), location: "Main St",
                    violation: Violation(code: "21", description: "Meter"),
                    amountCents: 6_500, officerID: OfficerID("O-7"), towed: false),
                receivedAt: decided.addingTimeInterval(-20 * 86_400), late: false, decision: decision, decisionDue: nil, answerDue: nil,
                hearingWindowEnds: outcome == .upheld ? decided.addingTimeInterval(21 * 86_400) : nil, events: [], evidence: [],
                question: nil)
            let facts = LetterFacts(
                kind: .decision, status: status,
                contact: AppealDetails(
                    statement: "", contactName: names[index % names.count], postalAddress: "12 Elm Street\nRiverton, RV 20501"),
                grounds: grounds, date: LocalDate(year: 2026, month: 12, day: 1)!,
                hearingUntil: outcome == .upheld ? LocalDate(year: 2026, month: 12, day: 22) : nil,
                payBy: outcome == .cancelled ? nil : LocalDate(year: 2026, month: 12, day: 29))
            var start = DispatchTime.now()
            let layout: Data
            if batchOnly {
                layout = try JSONEncoder().encode(try composer.content(facts).letter)
            } else {
                let letter = try composer.compose(facts)
                pdfBytes += letter.pdf.count
                layout = letter.layout
            }
            composeSeconds += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            start = DispatchTime.now()
            if !lettersOnly { pages += try writer.add(layout: layout) }
            batchSeconds += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }
        let start = DispatchTime.now()
        let total = try writer.finish()
        batchSeconds += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        print("\(count) decision letters, \(pages) pages of letters, \(total) pages in the batch PDF (\(size / 1_000_000) MB)")
        print(
            String(
                format: "letters (template + layout + own PDF, %.1f KB each): %.0f letters/s", Double(pdfBytes) / Double(count) / 1000,
                Double(count) / composeSeconds))
        print(String(format: "batch (drawn into one streamed PDF): %.0f letters/s", Double(count) / batchSeconds))
        print(String(format: "both: %.0f letters/s", Double(count) / (composeSeconds + batchSeconds)))
        print("peak RSS: \(usage.ru_maxrss / 1024) MB")
    }
}
