import AppealsEvidence
import AppealsServices
import AppealsStore
import AppealsWeb
import AppealsWords
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The composition root: builds each adapter once (the database's stores, the evidence folder and pipeline,
/// bcrypt, the server key, the clock), and from them each use case once, handed to the web layer (``WebUseCases``)
/// and to the background services.
///
/// Tests call this same function with their own database, clock and random source, so that what they exercise is what runs.
public func buildApplication(
    configuration: AppConfiguration, database: AppDatabase, logger: Logger, routeTable: RouteTable = RouteTable(),
    passwordHasher: any PasswordHasher = BcryptPasswordHasher(), clock: any WallClock = SystemWallClock(),
    random: any RandomSource = SystemRandomSource(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    _ = AppMetrics.registry  // swift-metrics bootstrapped before anything records a metric
    database.reportConnectionWaits { AppMetrics.poolWait.record(duration: $0) }
    let adapters = try Adapters(configuration: configuration, database: database, clock: clock, random: random)
    let caseStore = adapters.cases
    var services: [any Service] = []

    var timeline: any TimelineSink = DirectTimeline(store: caseStore)
    if configuration.timelineBatchMilliseconds > 0 {
        let recorder = TimelineRecorder(store: caseStore, interval: .milliseconds(configuration.timelineBatchMilliseconds), logger: logger)
        services.append(recorder)
        timeline = recorder
    }
    // One instance counts look-ups in memory; instances sharing PostgreSQL count them in the database.
    let lookUpLimiter: any LookUpLimiter =
        switch (configuration.lookUpLimit, database.engine) {
        case (0, _): NoLookUpLimit()
        case (let limit, .sqlite): InMemoryLookUpLimiter(limit: limit, window: Double(configuration.lookUpWindowSeconds), clock: clock)
        case (let limit, .postgres):
            SharedLookUpLimiter(
                counters: adapters.rateCounters, limit: limit, windowSeconds: configuration.lookUpWindowSeconds, clock: clock)
        }
    let composer = try await adapters.letterComposer()
    let produceLetters = adapters.produceLetters(composer: composer)
    let printRoom = adapters.printRoom(composer: composer)
    let uses = adapters.webUseCases(
        passwordHasher: passwordHasher, lookUpLimiter: lookUpLimiter, timeline: timeline,
        readiness: DatabaseReadiness(
            database: database, migrations: MigrationRunner(folder: URL(fileURLWithPath: configuration.migrationsFolder), clock: clock)),
        produceLetters: produceLetters, printRoom: printRoom,
        composer: try await TemplateMessages(templatesFolder: adapters.templatesFolder, authority: adapters.authority))
    let router = try await buildRouter(settings: configuration.web, uses: uses, routeTable: routeTable, logger: logger)

    if configuration.sweepIntervalSeconds > 0 {
        services.append(
            PeriodicService.deadlines(
                adapters.deadlineSweep(by: "server"), callbacks: adapters.callbacks, interval: .seconds(configuration.sweepIntervalSeconds),
                logger: logger
            ))
    }
    if configuration.lettersIntervalSeconds > 0 {
        services.append(
            PeriodicService.letters(
                produceLetters, printRoom: printRoom, interval: .seconds(configuration.lettersIntervalSeconds), logger: logger))
    }
    if configuration.notificationsIntervalSeconds > 0 {
        services.append(
            PeriodicService.notifications(
                try await adapters.deliverNotifications(by: "server"), interval: .seconds(configuration.notificationsIntervalSeconds),
                logger: logger))
    }
    if let poll = adapters.pollMailbox(logger: logger), let imap = configuration.imap {
        services.append(PeriodicService.mailbox(poll, interval: .seconds(imap.pollSeconds), logger: logger))
    }
    if configuration.evidenceSweepIntervalSeconds > 0 {
        services.append(
            PeriodicService.evidence(
                adapters.evidenceSweep, interval: .seconds(configuration.evidenceSweepIntervalSeconds), logger: logger
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

/// `/readyz` over the database: reachable, and every migration of this build applied.
struct DatabaseReadiness: ReadinessCheck {
    let database: AppDatabase
    let migrations: MigrationRunner

    func readiness() async -> Readiness {
        do {
            return try await migrations.isUpToDate(database) ? .ready : .migrationsPending
        } catch {
            return .unavailable(detail: "\(error)")
        }
    }
}

extension AppConfiguration {
    /// What the web layer is told.
    var web: WebSettings {
        WebSettings(
            templatesFolder: templatesFolder, publicFolder: publicFolder, authority: authority, secureCookies: secureCookies,
            trustedProxies: trustedProxies, formMinimumFillSeconds: formMinimumFillSeconds, evidenceLimits: evidenceLimits,
            metricsToken: metricsToken
        )
    }
}
