import AppealsDomain
import Foundation
import Testing

@testable import AppealsServices
@testable import AppealsWords

/// The one catalogue of the sentences the code puts together: every key has English, every other language must
/// have every key, and every fact the code words comes out as words with its values filled in.
@Suite("One catalogue of words, English first")
struct CatalogueTests {
    static let english = Catalogue.english

    /// Words, with every `{placeholder}` filled in.
    static func expectFilled(_ text: String, _ what: String) {
        #expect(text.count >= 2, "no words for \(what)")
        #expect(!text.contains("{") && !text.contains("}"), "\(what) reads “\(text)”")
    }

    @Test func everyKeyIsUniqueAndHasEnglishWithBalancedPlaceholders() {
        let keys = Catalogue.areas.flatMap { area in area.allKeys.map(\.key) }
        #expect(Set(keys).count == keys.count)
        #expect(keys.count == Self.english.texts.count)
        for area in Catalogue.areas {
            for key in area.allKeys {
                let text = key.english
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key.key) has no English")
                #expect(text.filter { $0 == "{" }.count == text.filter { $0 == "}" }.count, "\(key.key): “\(text)”")
            }
        }
    }

    @Test func aLanguageMissingAKeyOrAddingOneIsRefusedWithBoth() throws {
        var texts = Self.english.texts
        texts.removeValue(forKey: "evidence.empty")
        texts["evidence.nonsense"] = "x"
        let json = try JSONEncoder().encode(texts)
        #expect(throws: CatalogueProblem(language: "xx", missing: ["evidence.empty"], unknown: ["evidence.nonsense"])) {
            try Catalogue(language: "xx", json: json)
        }
    }

    @Test func aCompleteLanguageIsUsedAndItsValuesFilledIn() throws {
        var texts = Self.english.texts
        texts["evidence.tooManyFiles"] = "Hasta {limit} archivos."
        let spanish = try Catalogue(language: "es", json: try JSONEncoder().encode(texts))
        #expect(EvidenceMessages.text(for: .tooManyFiles(limit: 10), in: spanish) == "Hasta 10 archivos.")
        #expect(
            EvidenceMessages.text(for: .tooManyFiles(limit: 10)) == "You can send up to 10 files with an appeal. Remove one to add another."
        )
    }

    @Test func aValueHoldingBracesIsNotReadAsAPlaceholder() {
        #expect(Self.english(EvidenceWords.unknownType, ["type": "{limit}"]) == "a kind of file we cannot take ({limit})")
    }

    @Test func everyRefusedFileIsWorded() {
        let rejections: [EvidenceRejection] = [
            .empty, .fileTooLarge(limitBytes: 15_000_000), .tooManyFiles(limit: 10), .appealTooLarge(limitBytes: 40_000),
            .notAccepted(detectedType: "application/zip"), .notAccepted(detectedType: "video/mp4"), .notAccepted(detectedType: "x/y"),
            .tooManyPixels(width: 9_000, height: 9_000, limitMegapixels: 50), .sideTooLong(width: 20_000, height: 10, limit: 12_000),
            .tooManyScans(limit: 3), .tooBigToDecode, .damaged(detectedType: "application/pdf"), .damaged(detectedType: "image/jpeg"),
            .tooManyPages(pages: 40, limit: 20),
        ]
        for rejection in rejections { Self.expectFilled(EvidenceMessages.text(for: rejection), "\(rejection)") }
        #expect(EvidenceMessages.text(for: .appealTooLarge(limitBytes: 40_000)).contains("40 KB"))
    }

    @Test func everyWorkflowRefusalIsWordedForEveryStateAndEvent() {
        let zone = TimeZone(identifier: "America/New_York")!
        let day = Date(timeIntervalSince1970: 1_780_000_000)
        var errors: [WorkflowError] = [
            .selfApproval, .hearingWindowClosed(closedAt: day), .hearingOnlyAfterUpheld(outcome: .cancelled),
            .hearingWindowOpen(until: day),
            .decisionNotServed, .reducedAmountInvalid(ticketAmountCents: 6_500), .reasonMissing, .statutoryDeadlineNotPassed(due: day),
            .alreadyAssigned(to: StaffID("rev-1")), .staffIdentityMissing,
        ]
        for event in CaseEventKind.allCases {
            errors.append(.notPermitted(role: .phoneAgent, event: event))
            for state in CaseState.allCases { errors.append(.invalidTransition(from: state, event: event, since: day)) }
        }
        for error in errors {
            let text = WorkflowMessages.text(for: error, timeZone: zone)
            Self.expectFilled(text, "\(error)")
            #expect(!text.contains("_"), "\(error) reads “\(text)”")
        }
    }

    @Test func everyRejectedTicketLineIsWorded() {
        let problems: [TicketRecordProblem] = [
            .wrongFieldCount(expected: 10, found: 1), .wrongFieldCount(expected: 10, found: 8), .missing(.plate),
            .invalidTicketNumber("!"), .invalidPlate("!"), .invalidPlateRegion("!"), .invalidTimestamp("x"), .issuedInFuture("x"),
            .invalidAmount("x"), .amountOutOfRange(-1), .invalidTowed("x"), .tooLong(.location, limit: 200), .notOneLine(.location),
            .controlCharacter(.location),
        ]
        let reasons: [TicketImportRejection] =
            [.duplicate(firstLine: 2), .invalidEncoding, .unterminatedQuote] + problems.map { .record($0) }
        for reason in reasons { Self.expectFilled(TicketImportMessages.line(RejectedTicketRow(line: 7, reason: reason)), "\(reason)") }
        #expect(TicketImportMessages.line(RejectedTicketRow(line: 6, reason: .record(.missing(.plate)))) == "line 6: plate is empty")
    }

    @Test func everyAuditCheckResultIsWorded() {
        #expect(AuditMessages.text(for: .intact(events: 12)) == "Audit trail intact: 12 events, every link verified.")
        for problem in [AuditVerification.Problem.contentChanged, .missing, .doesNotFollowPrevious] {
            let text = AuditMessages.text(for: .broken(seq: 7, problem: problem, checked: 6))
            Self.expectFilled(text, "\(problem)")
            #expect(text.hasPrefix("Audit trail BROKEN at event 7 (6 events before it verified): "))
        }
    }

    @Test func datesAreWrittenOutWithTheirMonthsName() {
        #expect(LongDate.text(LocalDate(iso: "2026-12-07")!) == "7 December 2026")
        #expect(DeadlineWording.dayMonth(LocalDate(iso: "2026-03-03")!) == "3 March")
    }
}
