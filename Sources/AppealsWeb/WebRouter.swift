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

    public init(
        cases: any CaseStore, statusSource: any CaseStatusSource, tickets: any TicketRepository,
        drafts: any DraftStore & OpenAppealFinder, staffQueries: any CaseWorkQueries, staffAccounts: any StaffAccountStore,
        administration: any AdministrationStore, evidenceStore: any EvidenceStore, evidenceStorage: any EvidenceStorage,
        evidenceInspector: any EvidenceInspector, passwordHasher: any PasswordHasher, keyedHash: any KeyedHash,
        rateCounters: any RateCounters, lookUpLimiter: any LookUpLimiter, timeline: any TimelineSink, readiness: any ReadinessCheck,
        clock: any WallClock
    ) {
        self.cases = cases
        self.statusSource = statusSource
        self.tickets = tickets
        self.drafts = drafts
        self.staffQueries = staffQueries
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
    }
}

/// The web layer's own settings.
public struct WebSettings: Sendable {
    public var templatesFolder: String
    public var publicFolder: String
    public var authority: Authority
    public var secureCookies: Bool
    public var trustedProxies: TrustedProxies
    public var formMinimumFillSeconds: Int
    public var evidenceLimits: EvidenceLimits

    public init(
        templatesFolder: String, publicFolder: String, authority: Authority, secureCookies: Bool, trustedProxies: TrustedProxies,
        formMinimumFillSeconds: Int, evidenceLimits: EvidenceLimits
    ) {
        self.templatesFolder = templatesFolder
        self.publicFolder = publicFolder
        self.authority = authority
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.formMinimumFillSeconds = formMinimumFillSeconds
        self.evidenceLimits = evidenceLimits
    }
}

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
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: settings.secureCookies))
    router.add(middleware: ErrorPageMiddleware(pages: pages))
    router.add(
        middleware: CSRFMiddleware(
            multipartPaths: ["/appeal/evidence", "/status/answer", "/staff/admin/tickets"], cookies: cookies, staffCookie: staffCookie,
            keyedHash: ports.keyedHash
        ))
    router.add(
        middleware: FileMiddleware(
            settings.publicFolder, urlBasePath: "/static",
            cacheControl: .init([(MediaType(type: .text, subType: "css"), [.public, .maxAge(3600)])]),
            logger: logger
        ))

    let routes = RecordingRouter(router: router, table: routeTable)
    HealthController(readiness: ports.readiness).addRoutes(to: routes)
    PublicController(pages: pages, policy: AppealPolicyFacts(appealWindowDays: settings.authority.appealWindowDays))
        .addRoutes(to: routes)
    let engine = CaseEngine(store: ports.cases, clock: clock, timeZone: zone)
    let receiveEvidence = ReceiveEvidence(
        inspector: ports.evidenceInspector, storage: ports.evidenceStorage, store: ports.evidenceStore, clock: clock,
        limits: settings.evidenceLimits
    )
    StatusController(
        pages: pages,
        lookUp: LookUpStatus(
            source: ports.statusSource, clock: clock, timeline: ports.timeline,
            rules: DeadlineRulesCache(store: ports.cases, timeZone: zone, clock: clock, maxAge: 30)
        ),
        engine: engine, throttle: ports.lookUpLimiter, timeZone: zone, receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)
    AppealController(
        pages: pages, drafts: ports.drafts, tickets: ports.tickets, cases: ports.cases, clock: clock, timeZone: zone,
        callingCode: settings.authority.callingCode, appealWindowDays: settings.authority.appealWindowDays,
        throttle: ports.lookUpLimiter, minimumFillSeconds: Double(settings.formMinimumFillSeconds),
        receiveEvidence: receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)

    let signIn = StaffSignIn(
        store: ports.staffAccounts, hasher: ports.passwordHasher, keyedHash: ports.keyedHash,
        counters: ports.rateCounters, clock: clock)
    let staffRoutes = StaffRoutes(router: router, table: routeTable, signIn: signIn, cookie: staffCookie)
    StaffAuthController(pages: pages, signIn: signIn, cookie: staffCookie).addRoutes(to: staffRoutes)
    CaseWorkController(
        pages: pages, cases: ports.cases, queries: ports.staffQueries, engine: engine, evidence: ports.evidenceStore,
        storage: ports.evidenceStorage, clock: clock, timeZone: zone, access: CaseAccess()
    ).addRoutes(to: staffRoutes)
    AdminController(
        pages: pages, admin: ports.administration, accounts: ports.staffAccounts, hasher: ports.passwordHasher, tickets: ports.tickets,
        storage: ports.evidenceStorage, clock: clock, timeZone: zone
    ).addRoutes(to: staffRoutes)
    return router
}
