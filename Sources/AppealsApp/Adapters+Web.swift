import AppealsDomain
import AppealsEvidence
import AppealsServices
import AppealsStore
import AppealsWeb
import Foundation

extension Adapters {
    /// The use cases the web layer is given, each built once, over these adapters.
    func webUseCases(
        passwordHasher: any PasswordHasher, lookUpLimiter: any LookUpLimiter, timeline: any TimelineSink, readiness: any ReadinessCheck,
        produceLetters: ProduceLetters, printRoom: PrintRoom, composer: any MessageComposer
    ) -> WebUseCases {
        let lookUp = lookUp(timeline: timeline)
        let findCases = FindCases(search: SQLCaseSearch(database: database), defaultCallingCode: authority.callingCode)
        let intake = AppealIntake(
            drafts: SQLAppealDrafts(database: database), tickets: tickets, evidence: evidenceStore,
            fileAppeal: FileAppeal(
                cases: cases, tickets: tickets, clock: clock, random: random, timeZone: timeZone,
                appealWindowDays: authority.appealWindowDays,
                postmarkReviewDays: authority.postmarkReviewDays),
            clock: clock, random: random, callingCode: authority.callingCode)
        let receiveEvidence = receiveEvidence
        let keyedHash = SQLServerKey(database: database, clock: clock)
        return WebUseCases(
            clock: clock, random: random, keyedHash: keyedHash, readiness: readiness,
            metrics: PrometheusMetrics(figures: SQLOperationalFigures(database: database), clock: clock),
            citizen: .init(
                rules: rules, intake: intake, receiveEvidence: receiveEvidence, lookUp: lookUp, engine: engine, throttle: lookUpLimiter),
            api: .init(lookUp: lookUp, findCases: findCases, gate: APIKeyGate(store: administration, counters: rateCounters, clock: clock)),
            staff: .init(
                signIn: StaffSignIn(
                    store: staffAccounts, hasher: passwordHasher, keyedHash: keyedHash,
                    counters: rateCounters, clock: clock, random: random),
                caseWork: CaseWorkUseCases(
                    cases: cases, queries: SQLCaseWorkQueries(database: database), evidence: evidenceStore, storage: evidenceStorage,
                    letters: letters, notifications: notifications, hearings: SQLHearings(database: database),
                    contacts: SQLCaseContacts(database: database), lookUp: lookUp, produceLetters: produceLetters, engine: engine,
                    clock: clock, timeZone: timeZone, callingCode: authority.callingCode,
                    writeToCitizen: WriteToCitizen(
                        contacts: SQLCaseContacts(database: database), lookUp: lookUp, composer: composer,
                        store: SQLCitizenMessages(database: database), clock: clock, random: random),
                    callbacks: callbacks, inbox: SQLInbox(database: database)),
                findCases: findCases, intake: intake, receiveEvidence: receiveEvidence, printRoom: printRoom,
                dashboard: Dashboard(
                    queries: SQLMeasureQueries(database: database), calendar: BusinessCalendar(timeZone: timeZone), clock: clock),
                auditTrail: AuditTrail(administration: administration, cases: cases),
                administer: Administer(
                    store: administration, accounts: staffAccounts,
                    createAccount: CreateStaffAccount(store: staffAccounts, hasher: passwordHasher, clock: clock, timeZone: timeZone),
                    importTickets: ImportTickets(tickets: tickets, clock: clock, random: random), uploads: evidenceStorage, clock: clock,
                    random: random),
                unmatchedMessages: unmatchedMessages),
            texts: configuration.sms.map { .init(receive: receiveText, signature: TextSignature(authToken: $0.authToken)) }
        )
    }
}
