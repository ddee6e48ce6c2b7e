import AppealsServices
import Foundation
import Hummingbird
import Logging

/// Everything the web layer needs from the rest of the portal, as ports: the composition root (AppealsApp) builds
/// the adapters once and hands them over, and the web layer never sees a database or a folder.
public struct WebPorts: Sendable {
    public var cases: any CaseStore
    public var statusSource: any CaseStatusSource
    public var tickets: any TicketRepository
    public var drafts: any DraftStore & OpenAppealFinder
    public var staffQueries: any CaseWorkQueries
    public var caseSearch: any CaseSearch
    public var caseContacts: any CaseContacts
    public var staffAccounts: any StaffAccountStore
    public var administration: any AdministrationStore
    public var evidenceStore: any EvidenceStore
    public var evidenceStorage: any EvidenceStorage
    public var evidenceInspector: any EvidenceInspector
    public var passwordHasher: any PasswordHasher
    public var keyedHash: any KeyedHash
    public var rateCounters: any RateCounters
    public var lookUpLimiter: any LookUpLimiter
    public var timeline: any TimelineSink
    public var readiness: any ReadinessCheck
    public var clock: any WallClock
    public var random: any RandomSource
    public var letters: any LetterStore
    /// Where produced letters and print batches are kept.
    public var letterStorage: any EvidenceStorage
    public var printRoom: PrintRoom
    public var produceLetters: ProduceLetters
    public var letterComposer: any LetterComposer
    public var notifications: any NotificationStore
    public var hearings: any HearingStore
    public var measures: any MeasureQueries
    public var metrics: any MetricsSource

    public init(
        cases: any CaseStore, statusSource: any CaseStatusSource, tickets: any TicketRepository,
        drafts: any DraftStore & OpenAppealFinder, staffQueries: any CaseWorkQueries, caseSearch: any CaseSearch,
        caseContacts: any CaseContacts,
        staffAccounts: any StaffAccountStore,
        administration: any AdministrationStore, evidenceStore: any EvidenceStore, evidenceStorage: any EvidenceStorage,
        evidenceInspector: any EvidenceInspector, passwordHasher: any PasswordHasher, keyedHash: any KeyedHash,
        rateCounters: any RateCounters, lookUpLimiter: any LookUpLimiter, timeline: any TimelineSink, readiness: any ReadinessCheck,
        clock: any WallClock, random: any RandomSource, letters: any LetterStore, letterStorage: any EvidenceStorage, printRoom: PrintRoom,
        produceLetters: ProduceLetters, letterComposer: any LetterComposer, notifications: any NotificationStore,
        hearings: any HearingStore, measures: any MeasureQueries, metrics: any MetricsSource
    ) {
        self.metrics = metrics
        self.measures = measures
        self.hearings = hearings
        self.notifications = notifications
        self.letters = letters
        self.letterStorage = letterStorage
        self.printRoom = printRoom
        self.produceLetters = produceLetters
        self.letterComposer = letterComposer
        self.cases = cases
        self.statusSource = statusSource
        self.tickets = tickets
        self.drafts = drafts
        self.staffQueries = staffQueries
        self.caseSearch = caseSearch
        self.caseContacts = caseContacts
        self.staffAccounts = staffAccounts
        self.administration = administration
        self.evidenceStore = evidenceStore
        self.evidenceStorage = evidenceStorage
        self.evidenceInspector = evidenceInspector
        self.passwordHasher = passwordHasher
        self.keyedHash = keyedHash
        self.rateCounters = rateCounters
        self.lookUpLimiter = lookUpLimiter
        self.timeline = timeline
        self.readiness = readiness
        self.clock = clock
        self.random = random
    }
}
