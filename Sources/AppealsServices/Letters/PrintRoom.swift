import AppealsDomain
import Foundation

/// The clerks' print room: print batches of the letters ready up to a cut-off (one PDF, each letter on a new
/// sheet, and a CSV manifest), printed, then posted (each letter deemed served two business days later, and an
/// acknowledgement letter acknowledging its case), a letter reprinted, returned mail recorded. Every step lands on
/// the case's timeline (channel mail).
public struct PrintRoom: Sendable {
    let store: any LetterStore
    let composer: any LetterComposer
    let storage: any EvidenceStorage
    let engine: CaseEngine
    let rules: DeadlineRulesCache
    let clock: any WallClock
    let random: any RandomSource

    /// A mailed letter is deemed served this many business days after posting (docs/DOMAIN.md).
    public static let deemedServiceBusinessDays = 2
    /// Letters read from the store at a time while a batch is written.
    static let page = 200

    public init(
        store: any LetterStore, composer: any LetterComposer, storage: any EvidenceStorage, engine: CaseEngine, rules: DeadlineRulesCache,
        clock: any WallClock, random: any RandomSource
    ) {
        self.store = store
        self.composer = composer
        self.storage = storage
        self.engine = engine
        self.rules = rules
        self.clock = clock
        self.random = random
    }

    /// Puts every letter ready by `cutoff` in a new batch and writes its PDF and manifest; nil when none is waiting.
    /// A batch left unfinished by a crash is finished first.
    public func createBatch(until cutoff: Date, by staff: StaffID?) async throws -> PrintBatchID? {
        for unfinished in try await store.unfinishedBatches() { try await finish(unfinished) }
        let id = PrintBatchID(drawingFrom: random)
        guard try await store.openBatch(id, cutoff: min(cutoff, clock.now()), by: staff, at: clock.now()) > 0 else { return nil }
        try await finish(id)
        return id
    }

    /// Writes a batch's PDF and CSV manifest from its letters' stored layouts, streamed a page of letters at a time.
    func finish(_ id: PrintBatchID) async throws {
        let pdfURL = try storage.incomingFile()
        let manifestURL = try storage.incomingFile()
        defer {
            try? FileManager.default.removeItem(at: pdfURL)
            try? FileManager.default.removeItem(at: manifestURL)
        }
        // Made private (0600) before a byte is written, as stored letters are: the PDF writer keeps the mode.
        for url in [pdfURL, manifestURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
        let writer = try composer.printBatch(writingTo: pdfURL)
        let manifest = try FileHandle(forWritingTo: manifestURL)
        defer { try? manifest.close() }
        try manifest.write(contentsOf: Data("batch,letter,case_reference,kind,recipient,pages,sheets\n".utf8))
        var sheets = 0
        var after: LetterID?
        while true {
            let letters = try await store.batchLetters(id, after: after, limit: Self.page)
            guard let last = letters.last else { break }
            var rows = ""
            for letter in letters {
                let pages = try writer.add(layout: letter.layout)
                let letterSheets = (pages + 1) / 2
                sheets += letterSheets
                rows +=
                    [
                        id.value, letter.id.value, letter.reference.grouped, letter.kind.rawValue, letter.recipient, "\(pages)",
                        "\(letterSheets)",
                    ]
                    .map(CSVText.field).joined(separator: ",") + "\n"
            }
            try manifest.write(contentsOf: Data(rows.utf8))
            after = last.id
        }
        let pages = try writer.finish()
        try manifest.close()
        let pdf = try await storage.store(fileAt: pdfURL)
        let manifestFile = try await storage.store(fileAt: manifestURL)
        try await store.finishBatch(id, pdf: pdf, manifest: manifestFile, pages: pages, sheets: sheets)
    }

    /// Marks a ready batch printed; false when it was not ready (already printed, or another clerk did it).
    public func markPrinted(_ id: PrintBatchID, by actor: Actor) async throws -> Bool {
        let now = clock.now()
        let entries = try await members(of: id).map { letter in
            (letter.reference, Self.interaction(.letterPrinted, letter.kind, at: now, by: actor, direction: .internal, isPublic: false))
        }
        let day = try await rules.current().calendar.localDate(now)
        return try await store.markPrinted(
            id, by: actor.staffID, at: now, interactions: entries,
            counted: [MeasureCount(day: day, measure: .lettersPrinted, n: entries.count)])
    }

    /// Marks a printed batch posted on `day` (today when nil): each letter is deemed served two business days later,
    /// and each acknowledgement letter acknowledges its case. False when the batch was not printed.
    public func markPosted(_ id: PrintBatchID, on day: LocalDate?, by actor: Actor) async throws -> Bool {
        let calendar = try await rules.current().calendar
        let now = clock.now()
        let postedOn = day ?? calendar.localDate(now)
        let deemed = calendar.adding(businessDays: Self.deemedServiceBusinessDays, to: postedOn).date
        let entries = try await members(of: id).map { letter in
            (letter.reference, Self.interaction(.letterPosted, letter.kind, at: now, by: actor, direction: .outbound, isPublic: true))
        }
        guard
            try await store.markPosted(
                id, on: postedOn, deemedServed: deemed, by: actor.staffID, interactions: entries,
                counted: [MeasureCount(day: postedOn, measure: .lettersPosted, n: entries.count)])
        else {
            return false
        }
        try await applyPostedLetters()
        return true
    }

    /// Gives each posted letter's case what posting it means (also run by the letters service, so that a crash between
    /// posting and this is mended): an acknowledgement letter acknowledges the case; a decision letter's deemed service
    /// starts the hearing window. How many cases changed.
    @discardableResult
    public func applyPostedLetters() async throws -> Int {
        var changed = 0
        let calendar = try await rules.current().calendar
        for letter in try await store.postedLettersToApply(limit: 500) {
            switch letter.kind {
            case .acknowledgement:
                if try await AcknowledgeCase(engine: engine)(letter.reference, because: RecordWords.acknowledgementLetterPosted.english) {
                    changed += 1
                }
            case .decision:
                if let day = letter.deemedServedOn, try await engine.recordDecisionServed(letter.reference, at: calendar.startOfDay(day)) {
                    changed += 1
                }
            default:
                break
            }
            try await store.recordCaseUpdated(letter.id, at: clock.now())
        }
        return changed
    }

    /// Records a posted letter as returned undelivered, with the reason; the case is flagged for the agents and the
    /// supervisors. False when the letter was not posted.
    public func recordReturned(_ id: LetterID, reason: String, by actor: Actor) async throws -> Bool {
        guard let letter = try await store.letter(id) else { throw AppError.notFound }
        var entry = Self.interaction(.letterReturned, letter.kind, at: clock.now(), by: actor, direction: .inbound, isPublic: false)
        entry = Interaction(
            at: entry.at, channel: .mail, direction: .inbound, actor: entry.actor, kind: .letterReturned,
            summary: "\(entry.summary ?? ""): \(reason)", isPublic: false)
        let now = clock.now()
        return try await store.recordReturned(
            id, reason: reason, at: now, interaction: entry,
            counted: [MeasureCount(day: try await rules.current().calendar.localDate(now), measure: .lettersReturned)])
    }

    /// One letter's stored PDF for printing again, with the reprint on its case's timeline.
    public func reprint(_ id: LetterID, by actor: Actor) async throws -> Data {
        guard let letter = try await store.letter(id), let file = letter.file else { throw AppError.notFound }
        let pdf = try storage.read(file.key)
        try await engine.store.record([
            (
                letter.reference,
                Self.interaction(.letterReprinted, letter.kind, at: clock.now(), by: actor, direction: .internal, isPublic: false)
            )
        ])
        return pdf
    }

    /// A batch's letters without their layouts (their cases and kinds are all the timeline needs).
    func members(of id: PrintBatchID) async throws -> [LetterRecord] {
        var all: [LetterRecord] = []
        while true {
            let letters = try await store.letters(inBatch: id, offset: all.count, limit: 1_000)
            all += letters
            if letters.count < 1_000 { return all }
        }
    }

    static func interaction(
        _ kind: InteractionKind, _ letter: LetterKind, at: Date, by actor: Actor, direction: Interaction.Direction, isPublic: Bool
    ) -> Interaction {
        Interaction(
            at: at, channel: .mail, direction: direction, actor: actor.staffID?.value ?? actor.role.rawValue, kind: kind,
            summary: RecordWords.name(letter), isPublic: isPublic)
    }
}
