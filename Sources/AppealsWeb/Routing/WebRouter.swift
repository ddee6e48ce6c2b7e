import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird
import Logging

/// Every route of the portal with its middleware, over the ports given (as the Hummingbird examples separate
/// `buildRouter` from `buildApplication`). Each route is recorded in `routeTable`.
public func buildRouter(
    settings: WebSettings, ports: WebPorts, routeTable: RouteTable, logger: Logger
) async throws -> Router<AppRequestContext> {
    let pages = try await PageRenderer(templatesFolder: settings.templatesFolder, authority: settings.authority)
    let cookies = CookiePolicy(secure: settings.secureCookies)
    let staffCookie = StaffCookie(secure: settings.secureCookies)
    let clock = ports.clock
    let zone = settings.authority.zone

    let router = Router(context: AppRequestContext.self)
    if !settings.trustedProxies.ranges.isEmpty {
        router.add(middleware: ClientAddressMiddleware(proxies: settings.trustedProxies))
    }
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: settings.secureCookies))
    router.add(middleware: ErrorPageMiddleware(pages: pages))
    router.add(middleware: NULQueryMiddleware())
    router.add(
        middleware: CSRFMiddleware(
            multipartPaths: ["/appeal/evidence", "/status/answer", "/staff/admin/tickets", "/staff/appeals/*/evidence"], cookies: cookies,
            staffCookie: staffCookie,
            keyedHash: ports.keyedHash, random: ports.random
        ))
    router.add(
        middleware: FileMiddleware(
            settings.publicFolder, urlBasePath: "/static",
            cacheControl: .init([(MediaType(type: .text, subType: "css"), [.public, .maxAge(3600)])]),
            logger: logger
        ))

    let routes = RecordingRouter(router: router, table: routeTable)
    HealthController(readiness: ports.readiness).addRoutes(to: routes)
    MetricsController(source: ports.metrics, token: settings.metricsToken).addRoutes(to: routes)
    // Policies and holidays as pages show them: read again at most every 30 seconds.
    let rules = DeadlineRulesCache(store: ports.cases, timeZone: zone, clock: clock, maxAge: 30)
    PublicController(
        pages: pages, rules: rules, appealWindowDays: settings.authority.appealWindowDays, limits: settings.evidenceLimits
    ).addRoutes(to: routes)
    let engine = CaseEngine(store: ports.cases, clock: clock, timeZone: zone)
    let receiveEvidence = ReceiveEvidence(
        inspector: ports.evidenceInspector, storage: ports.evidenceStorage, store: ports.evidenceStore, clock: clock, random: ports.random,
        limits: settings.evidenceLimits
    )
    let lookUp = LookUpStatus(source: ports.statusSource, clock: clock, timeline: ports.timeline, rules: rules)
    StatusController(
        pages: pages, lookUp: lookUp,
        engine: engine, throttle: ports.lookUpLimiter, timeZone: zone, receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)
    APIController(
        pages: pages, lookUp: lookUp, findCases: FindCases(search: ports.caseSearch, defaultCallingCode: settings.authority.callingCode),
        gate: APIKeyGate(store: ports.administration, counters: ports.rateCounters, clock: clock), timeZone: zone,
        document: try Data(contentsOf: URL(fileURLWithPath: settings.publicFolder).appendingPathComponent("openapi.yaml"))
    ).addRoutes(to: routes)
    AppealController(
        pages: pages, drafts: ports.drafts, tickets: ports.tickets, cases: ports.cases, clock: clock, random: ports.random, timeZone: zone,
        callingCode: settings.authority.callingCode, appealWindowDays: settings.authority.appealWindowDays,
        throttle: ports.lookUpLimiter, minimumFillSeconds: Double(settings.formMinimumFillSeconds),
        receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)

    let signIn = StaffSignIn(
        store: ports.staffAccounts, hasher: ports.passwordHasher, keyedHash: ports.keyedHash,
        counters: ports.rateCounters, clock: clock, random: ports.random)
    let staffRoutes = StaffRoutes(router: router, table: routeTable, signIn: signIn, cookie: staffCookie)
    StaffAuthController(pages: pages, signIn: signIn, cookie: staffCookie).addRoutes(to: staffRoutes)
    // The staff case-work use cases, built from the ports in one place (to move to the composition root).
    let caseWork = CaseWorkUseCases(
        cases: ports.cases, queries: ports.staffQueries, evidence: ports.evidenceStore, storage: ports.evidenceStorage,
        letters: ports.letters, notifications: ports.notifications, hearings: ports.hearings, contacts: ports.caseContacts,
        lookUp: lookUp, produceLetters: ports.produceLetters, engine: engine, clock: clock, timeZone: zone,
        callingCode: settings.authority.callingCode)
    CaseWorkController(pages: pages, work: caseWork, timeZone: zone).addRoutes(to: staffRoutes)
    AgentController(
        pages: pages, findCases: FindCases(search: ports.caseSearch, defaultCallingCode: settings.authority.callingCode), timeZone: zone
    ).addRoutes(to: staffRoutes)
    IntakeController(
        pages: pages, drafts: ports.drafts, tickets: ports.tickets,
        fileAppeal: FileAppeal(
            cases: ports.cases, tickets: ports.tickets, clock: clock, random: ports.random, timeZone: zone,
            appealWindowDays: settings.authority.appealWindowDays, postmarkReviewDays: settings.authority.postmarkReviewDays),
        receiveEvidence: receiveEvidence, clock: clock, random: ports.random, callingCode: settings.authority.callingCode
    ).addRoutes(to: staffRoutes)
    PrintRoomController(
        pages: pages, letters: ports.letters, storage: ports.letterStorage, printRoom: ports.printRoom, cases: ports.cases,
        access: CaseAccess(), clock: clock, timeZone: zone
    ).addRoutes(to: staffRoutes)
    DashboardController(
        pages: pages, dashboard: Dashboard(queries: ports.measures, calendar: BusinessCalendar(timeZone: zone), clock: clock),
        timeZone: zone
    ).addRoutes(to: staffRoutes)
    AuditTrailController(
        pages: pages, administration: ports.administration, cases: ports.cases, access: CaseAccess(), clock: clock, timeZone: zone
    ).addRoutes(to: staffRoutes)
    AdminController(
        pages: pages, admin: ports.administration, accounts: ports.staffAccounts, hasher: ports.passwordHasher, tickets: ports.tickets,
        storage: ports.evidenceStorage, clock: clock, random: ports.random, timeZone: zone
    ).addRoutes(to: staffRoutes)
    return router
}
