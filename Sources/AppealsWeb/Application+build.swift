import AppealsEvidence
import AppealsServices
import AppealsStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The composition root of the web portal: wires configuration, storage, templates and routes.
///
/// Tests call this same function with their own database, so that what they exercise is what runs.
public func buildApplication(
    configuration: AppConfiguration, database: AppDatabase, logger: Logger, routeTable: RouteTable = RouteTable(),
    passwordHasher: any PasswordHasher = BcryptPasswordHasher(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let pages = try await PageRenderer(templatesFolder: configuration.templatesFolder, authority: configuration.authority)
    let migrations = MigrationRunner(folder: URL(fileURLWithPath: configuration.migrationsFolder))

    let cookies = CookiePolicy(secure: configuration.secureCookies)
    let staffCookie = StaffCookie(secure: configuration.secureCookies)
    let serverKey = SQLServerKey(database: database, clock: SystemWallClock())
    let router = Router(context: AppRequestContext.self)
    if !configuration.trustedProxies.ranges.isEmpty {
        router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
    }
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.secureCookies))
    router.add(middleware: ErrorPageMiddleware(pages: pages))
    router.add(middleware: CSRFMiddleware(
        multipartPaths: ["/appeal/evidence", "/status/answer", "/staff/admin/tickets"], cookies: cookies, staffCookie: staffCookie,
        keyedHash: serverKey
    ))
    router.add(middleware: FileMiddleware(
        configuration.publicFolder, urlBasePath: "/static",
        cacheControl: .init([(MediaType(type: .text, subType: "css"), [.public, .maxAge(3600)])]),
        logger: logger
    ))

    let routes = RecordingRouter(router: router, table: routeTable)
    HealthController(database: database, migrations: migrations).addRoutes(to: routes)
    PublicController(pages: pages, policy: AppealPolicyFacts(appealWindowDays: configuration.authority.appealWindowDays))
        .addRoutes(to: routes)
    let zone = configuration.authority.zone
    let storage = try LocalEvidenceFolder(root: URL(fileURLWithPath: configuration.uploadsFolder))
    let evidenceStore = SQLEvidenceStore(database: database)
    var services: [any Service] = []
    let caseStore = SQLCaseStore(database: database)
    var timeline: any TimelineSink = DirectTimeline(store: caseStore)
    if configuration.timelineBatchMilliseconds > 0 {
        let recorder = TimelineRecorder(store: caseStore, interval: .milliseconds(configuration.timelineBatchMilliseconds), logger: logger)
        services.append(recorder)
        timeline = recorder
    }
    // One instance counts look-ups in memory; instances sharing PostgreSQL count them in the database.
    let throttle: any LookUpLimiter = switch (configuration.lookUpLimit, database.engine) {
    case (0, _): NoLookUpLimit()
    case (let limit, .sqlite):
        InMemoryLookUpLimiter(limit: limit, window: Double(configuration.lookUpWindowSeconds), clock: SystemWallClock())
    case (let limit, .postgres):
        SharedLookUpLimiter(counters: SQLRateCounters(database: database), limit: limit, windowSeconds: configuration.lookUpWindowSeconds,
                            clock: SystemWallClock())
    }
    let receiveEvidence = ReceiveEvidence(
        inspector: EvidencePipeline(limits: configuration.evidenceLimits), storage: storage, store: evidenceStore,
        clock: SystemWallClock(), limits: configuration.evidenceLimits
    )
    StatusController(
        pages: pages,
        lookUp: LookUpStatus(
            source: SQLCaseStatusSource(database: database), clock: SystemWallClock(), timeline: timeline,
            rules: DeadlineRulesCache(store: caseStore, timeZone: zone, clock: SystemWallClock(), maxAge: 30)
        ),
        engine: CaseEngine(store: SQLCaseStore(database: database), clock: SystemWallClock(), timeZone: zone),
        throttle: throttle, timeZone: zone, receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)
    AppealController(
        pages: pages, drafts: SQLAppealDrafts(database: database), tickets: SQLTicketRepository(database: database),
        cases: SQLCaseStore(database: database), clock: SystemWallClock(), timeZone: zone,
        callingCode: configuration.authority.callingCode, appealWindowDays: configuration.authority.appealWindowDays,
        throttle: throttle, minimumFillSeconds: Double(configuration.formMinimumFillSeconds),
        receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)

    let signIn = StaffSignIn(store: SQLStaffAccounts(database: database), hasher: passwordHasher, keyedHash: serverKey,
                             counters: SQLRateCounters(database: database), clock: SystemWallClock())
    let staffRoutes = StaffRoutes(router: router, table: routeTable, signIn: signIn, cookie: staffCookie)
    StaffAuthController(pages: pages, signIn: signIn, cookie: staffCookie).addRoutes(to: staffRoutes)
    CaseWorkController(
        pages: pages, cases: caseStore, queries: SQLStaffQueries(database: database),
        engine: CaseEngine(store: caseStore, clock: SystemWallClock(), timeZone: zone),
        evidence: evidenceStore, storage: storage, clock: SystemWallClock(), timeZone: zone, access: CaseAccess()
    ).addRoutes(to: staffRoutes)
    AdminController(
        pages: pages, admin: SQLAdministration(database: database), accounts: SQLStaffAccounts(database: database),
        hasher: passwordHasher, tickets: SQLTicketRepository(database: database), storage: storage, clock: SystemWallClock(),
        timeZone: zone
    ).addRoutes(to: staffRoutes)

    if configuration.sweepIntervalSeconds > 0 {
        let sweep = SweepDeadlines(
            store: SQLCaseStore(database: database), clock: SystemWallClock(), timeZone: configuration.authority.zone,
            sweeperName: ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier)
        )
        services.append(PeriodicService.deadlines(sweep, interval: .seconds(configuration.sweepIntervalSeconds), logger: logger))
    }

    if configuration.evidenceSweepIntervalSeconds > 0 {
        services.append(PeriodicService.evidence(
            SweepEvidence(storage: storage, store: evidenceStore, clock: SystemWallClock()),
            interval: .seconds(configuration.evidenceSweepIntervalSeconds), logger: logger
        ))
    }

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
