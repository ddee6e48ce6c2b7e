import AppealsServices
import Foundation

/// What the web layer is given: the use cases, each built once by the composition root (AppealsApp) and grouped by
/// the audience whose pages use them, and the few services every request needs (the clock, the random source, the
/// server's keyed hash for cookies and tokens, readiness and metrics). The web layer never names a store.
public struct WebUseCases: Sendable {
    public var clock: any WallClock
    public var random: any RandomSource
    public var keyedHash: any KeyedHash
    public var readiness: any ReadinessCheck
    public var metrics: any MetricsSource
    public var citizen: Citizen
    public var api: API
    public var staff: Staff
    /// The SMS provider's webhook, when a provider is set up (`SMS_PROVIDER=http`).
    public var texts: Texts?

    public init(
        clock: any WallClock, random: any RandomSource, keyedHash: any KeyedHash, readiness: any ReadinessCheck, metrics: any MetricsSource,
        citizen: Citizen, api: API, staff: Staff, texts: Texts? = nil
    ) {
        self.texts = texts
        self.clock = clock
        self.random = random
        self.keyedHash = keyedHash
        self.readiness = readiness
        self.metrics = metrics
        self.citizen = citizen
        self.api = api
        self.staff = staff
    }

    /// The public pages, the appeal journey and the status page.
    public struct Citizen: Sendable {
        /// Policies and holidays as pages show them (read again every few seconds).
        public var rules: DeadlineRulesCache
        public var intake: AppealIntake
        public var receiveEvidence: ReceiveEvidence
        public var lookUp: LookUpStatus
        public var engine: CaseEngine
        /// Look-ups per client (ticket and status forms).
        public var throttle: any LookUpLimiter

        public init(
            rules: DeadlineRulesCache, intake: AppealIntake, receiveEvidence: ReceiveEvidence, lookUp: LookUpStatus, engine: CaseEngine,
            throttle: any LookUpLimiter
        ) {
            self.rules = rules
            self.intake = intake
            self.receiveEvidence = receiveEvidence
            self.lookUp = lookUp
            self.engine = engine
            self.throttle = throttle
        }
    }

    /// Citizens' texts and the receipts of ours, from the SMS provider, whose requests carry its signature.
    public struct Texts: Sendable {
        public var receive: ReceiveText
        public var signature: TextSignature

        public init(receive: ReceiveText, signature: TextSignature) {
            self.receive = receive
            self.signature = signature
        }
    }

    /// The status API for partner systems.
    public struct API: Sendable {
        public var lookUp: LookUpStatus
        public var findCases: FindCases
        public var gate: APIKeyGate

        public init(lookUp: LookUpStatus, findCases: FindCases, gate: APIKeyGate) {
            self.lookUp = lookUp
            self.findCases = findCases
            self.gate = gate
        }
    }

    /// Everything behind the staff sign-in.
    public struct Staff: Sendable {
        public var signIn: StaffSignIn
        public var caseWork: CaseWorkUseCases
        public var findCases: FindCases
        public var intake: AppealIntake
        public var receiveEvidence: ReceiveEvidence
        public var printRoom: PrintRoom
        public var dashboard: Dashboard
        public var auditTrail: AuditTrail
        public var administer: Administer
        public var unmatchedMessages: UnmatchedMessages

        public init(
            signIn: StaffSignIn, caseWork: CaseWorkUseCases, findCases: FindCases, intake: AppealIntake, receiveEvidence: ReceiveEvidence,
            printRoom: PrintRoom, dashboard: Dashboard, auditTrail: AuditTrail, administer: Administer, unmatchedMessages: UnmatchedMessages
        ) {
            self.unmatchedMessages = unmatchedMessages
            self.signIn = signIn
            self.caseWork = caseWork
            self.findCases = findCases
            self.intake = intake
            self.receiveEvidence = receiveEvidence
            self.printRoom = printRoom
            self.dashboard = dashboard
            self.auditTrail = auditTrail
            self.administer = administer
        }
    }
}
