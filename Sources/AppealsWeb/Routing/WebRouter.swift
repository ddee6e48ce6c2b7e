import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird
import Logging

/// Every route of the portal with its middleware, over the use cases given (as the Hummingbird examples separate
/// `buildRouter` from `buildApplication`). Each route is recorded in `routeTable`.
public func buildRouter(
    settings: WebSettings, uses: WebUseCases, routeTable: RouteTable, logger: Logger
) async throws -> Router<AppRequestContext> {
    let pages = try await PageRenderer(templatesFolder: settings.templatesFolder, authority: settings.authority)
    let cookies = CookiePolicy(secure: settings.secureCookies)
    let staffCookie = StaffCookie(secure: settings.secureCookies)
    let clock = uses.clock
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
            multipartPaths: CSRFMiddleware.multipartRoutes, cookies: cookies,
            staffCookie: staffCookie,
            keyedHash: uses.keyedHash, random: uses.random
        ))
    router.add(
        middleware: FileMiddleware(
            settings.publicFolder, urlBasePath: ServiceURL.staticFiles.path,
            cacheControl: .init([(MediaType(type: .text, subType: "css"), [.public, .maxAge(3600)])]),
            logger: logger
        ))

    let routes = RecordingRouter(router: router, table: routeTable)
    HealthController(readiness: uses.readiness).addRoutes(to: routes)
    MetricsController(source: uses.metrics, token: settings.metricsToken).addRoutes(to: routes)
    TextWebhookController(texts: uses.texts, publicURL: settings.authority.publicURL, authority: settings.authority).addRoutes(to: routes)
    let citizen = uses.citizen
    PublicController(
        pages: pages, rules: citizen.rules, appealWindowDays: settings.authority.appealWindowDays, limits: settings.evidenceLimits
    ).addRoutes(to: routes)
    StatusController(
        pages: pages, lookUp: citizen.lookUp, engine: citizen.engine, throttle: citizen.throttle, timeZone: zone,
        receiveEvidence: citizen.receiveEvidence, cookies: cookies, callbacks: uses.staff.caseWork.callbacks
    ).addRoutes(to: routes)
    APIController(
        pages: pages, lookUp: uses.api.lookUp, findCases: uses.api.findCases, gate: uses.api.gate, timeZone: zone,
        document: try Data(contentsOf: URL(fileURLWithPath: settings.publicFolder).appendingPathComponent("openapi.yaml"))
    ).addRoutes(to: routes)
    AppealController(
        pages: pages, intake: citizen.intake, clock: clock, throttle: citizen.throttle,
        minimumFillSeconds: Double(settings.formMinimumFillSeconds), receiveEvidence: citizen.receiveEvidence, cookies: cookies
    ).addRoutes(to: routes)

    let staff = uses.staff
    let staffRoutes = StaffRoutes(router: router, table: routeTable, signIn: staff.signIn, cookie: staffCookie)
    StaffAuthController(pages: pages, signIn: staff.signIn, cookie: staffCookie).addRoutes(to: staffRoutes)
    CaseWorkController(pages: pages, work: staff.caseWork, timeZone: zone).addRoutes(to: staffRoutes)
    AgentController(pages: pages, findCases: staff.findCases, timeZone: zone).addRoutes(to: staffRoutes)
    IntakeController(pages: pages, intake: staff.intake, receiveEvidence: staff.receiveEvidence, clock: clock).addRoutes(to: staffRoutes)
    PrintRoomController(pages: pages, printRoom: staff.printRoom, clock: clock, timeZone: zone).addRoutes(to: staffRoutes)
    DashboardController(pages: pages, dashboard: staff.dashboard, timeZone: zone).addRoutes(to: staffRoutes)
    AuditTrailController(pages: pages, auditTrail: staff.auditTrail, clock: clock, timeZone: zone).addRoutes(to: staffRoutes)
    AdminController(pages: pages, admin: staff.administer, random: uses.random, timeZone: zone).addRoutes(to: staffRoutes)
    UnmatchedMessagesController(pages: pages, messages: staff.unmatchedMessages, timeZone: zone).addRoutes(to: staffRoutes)
    CallbacksController(pages: pages, callbacks: staff.caseWork.callbacks, workspace: staff.caseWork.workspace, timeZone: zone)
        .addRoutes(to: staffRoutes)
    return router
}
