import AppealsDomain
import AppealsEvidence
import AppealsLetters
import AppealsServices
import AppealsStore
import AppealsWords
import Foundation

/// Every adapter over one database and one uploads folder, built once: the server (``buildApplication``) and
/// every command of `appeals` take theirs from here, with the same clock.
public struct Adapters: Sendable {
    public let database: AppDatabase
    public let clock: any WallClock
    public let random: any RandomSource
    public let timeZone: TimeZone
    public let cases: SQLCaseStore
    public let tickets: SQLTicketRepository
    public let staffAccounts: SQLStaffAccounts
    public let administration: SQLAdministration
    public let evidenceStore: SQLEvidenceStore
    public let evidenceStorage: LocalEvidenceFolder
    public let rateCounters: SQLRateCounters
    public let evidenceLimits: EvidenceLimits
    public let letters: SQLLetterStore
    /// Produced letters and print batches: the evidence storage protocol over a folder of their own (the evidence
    /// sweep would take their files for orphans).
    public let letterStorage: LocalEvidenceFolder
    public let authority: Authority
    /// Policies and holidays, read again at most every 5 seconds: one cache for every reader in this process.
    public let rules: DeadlineRulesCache
    /// The workflow engine over the case store.
    public let engine: CaseEngine
    let templatesFolder: String
    public let notifications: SQLNotificationStore
    let configuration: AppConfiguration
    let letterPaper: PaperFormat

    public init(
        configuration: AppConfiguration, database: AppDatabase, clock: any WallClock, random: any RandomSource = SystemRandomSource()
    ) throws {
        self.database = database
        self.clock = clock
        self.random = random
        timeZone = configuration.authority.zone
        cases = SQLCaseStore(database: database, clock: clock, minimumReviewDays: configuration.authority.minimumReviewDays)
        tickets = SQLTicketRepository(database: database)
        staffAccounts = SQLStaffAccounts(database: database)
        administration = SQLAdministration(database: database)
        evidenceStore = SQLEvidenceStore(database: database)
        evidenceStorage = try LocalEvidenceFolder(root: URL(fileURLWithPath: configuration.uploadsFolder))
        rateCounters = SQLRateCounters(database: database)
        evidenceLimits = configuration.evidenceLimits
        letters = SQLLetterStore(database: database)
        letterStorage = try LocalEvidenceFolder(
            root: URL(fileURLWithPath: configuration.lettersFolder ?? configuration.uploadsFolder + "/letters"))
        authority = configuration.authority
        rules = DeadlineRulesCache(store: cases, timeZone: timeZone, clock: clock, maxAge: 5)
        engine = CaseEngine(store: cases, clock: clock, timeZone: timeZone)
        templatesFolder = configuration.templatesFolder
        letterPaper = configuration.letterPaperA4 ? .a4 : .usLetter
        notifications = SQLNotificationStore(database: database)
        self.configuration = configuration
    }

    /// The outbox's sender, named after this process; email by SMTP when a server is configured (else to a folder),
    /// text messages to a file.
    public func deliverNotifications(by role: String) async throws -> DeliverNotifications {
        let domain = URL(string: authority.publicURL)?.host ?? "appeals.local"
        let email: any EmailTransport =
            configuration.smtp.map { CurlEmailTransport(settings: $0, domain: domain) }
            ?? FolderEmailTransport(
                folder: URL(fileURLWithPath: configuration.mailFolder ?? configuration.dataFolder + "/mail-outbox"), domain: domain)
        return DeliverNotifications(
            store: notifications, contacts: SQLCaseContacts(database: database), lookUp: lookUp(timeline: DirectTimeline(store: cases)),
            composer: try await TemplateMessages(templatesFolder: templatesFolder, authority: authority), email: email,
            sms: textMessages,
            acknowledge: AcknowledgeCase(engine: engine), clock: clock, from: configuration.mailFrom, replyAddress: replyAddress,
            sender: role + ":" + ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier),
            lease: TimeInterval(configuration.notificationLeaseSeconds))
    }

    /// Texts through the provider's API (`SMS_PROVIDER=http`), or to a file.
    var textMessages: any TextMessageProvider {
        if let sms = configuration.sms { return HTTPTextMessages(settings: sms, webhookURL: authority.publicURL + "/webhooks/sms") }
        return FileTextMessages(file: URL(fileURLWithPath: configuration.smsOutboxFile ?? configuration.dataFolder + "/sms-outbox.jsonl"))
    }

    /// The reply address of outgoing email, when an inbound mailbox is set up.
    public var replyAddress: ReplyAddress? {
        configuration.inboundEmailAddress.flatMap { ReplyAddress(mailbox: $0, hash: SQLServerKey(database: database, clock: clock)) }
    }

    /// Letters laid out from `templates/letters/` on the configured paper.
    public func letterComposer() async throws -> PDFLetterComposer {
        PDFLetterComposer(
            templates: try await LetterTemplates(templatesFolder: templatesFolder), renderer: LetterRenderer(paper: letterPaper),
            authority: authority)
    }

    /// Status look-ups as the letters and the web read them.
    public func lookUp(timeline: any TimelineSink) -> LookUpStatus {
        LookUpStatus(
            source: SQLCaseStatusSource(database: database), clock: clock, timeline: timeline,
            rules: rules)
    }

    /// Queued letters produced as stored PDFs.
    public func produceLetters(composer: any LetterComposer) -> ProduceLetters {
        ProduceLetters(
            store: letters, cases: SQLCaseStatusSource(database: database), contacts: SQLCaseContacts(database: database),
            hearings: SQLHearings(database: database),
            lookUp: lookUp(timeline: DirectTimeline(store: cases)), composer: composer, storage: letterStorage, clock: clock,
            authority: authority)
    }

    /// The clerks' print room.
    public func printRoom(composer: any LetterComposer) -> PrintRoom {
        PrintRoom(
            store: letters, composer: composer, storage: letterStorage, engine: engine,
            rules: rules, clock: clock, random: random)
    }

    /// The evidence pipeline as the web journey uses it: identified, sanitised, stored durably.
    public var receiveEvidence: ReceiveEvidence {
        ReceiveEvidence(
            inspector: EvidencePipeline(limits: evidenceLimits), storage: evidenceStorage, store: evidenceStore, clock: clock,
            random: random, limits: evidenceLimits)
    }

    /// The deadline sweeper, named after this process (its firings record who fired them).
    public func deadlineSweep(by role: String) -> SweepDeadlines {
        SweepDeadlines(
            store: cases, clock: clock, timeZone: timeZone,
            sweeperName: role + ":" + ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier))
    }

    /// Penalty holds and outcomes for the enforcement system.
    public var exportEnforcement: ExportEnforcement {
        ExportEnforcement(
            feed: SQLEnforcementFeed(database: database), calendar: BusinessCalendar(timeZone: timeZone), clock: clock, random: random)
    }

    /// The evidence sweep over the store and the folder.
    public var evidenceSweep: SweepEvidence { SweepEvidence(storage: evidenceStorage, store: evidenceStore, clock: clock) }
}
