import AppealsServices
import AppealsStore
import AppealsWeb
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Everything the portal can be told at start-up. Every field has a default that runs with nothing set;
/// `fromEnvironment` reads the variables documented in README.md and `.env.example`.
public struct AppConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database: DatabaseLocation = .sqlite(path: "data/appeals.sqlite")
    public var dataFolder = "data"
    public var uploadsFolder = "uploads"
    /// Where produced letters and print batches are stored; `<uploads>/letters` unless set.
    public var lettersFolder: String?
    /// Letters on A4 with the DL window instead of US Letter with the #10 window.
    public var letterPaperA4 = false
    /// How often queued letters are produced (0: never in the server; `appeals letters produce` does it).
    public var lettersIntervalSeconds = 10
    /// How often the outbox is sent (0: never in the server; `appeals notifications send` does it).
    public var notificationsIntervalSeconds = 5
    /// How long a sender holds a message before another may take it (a sender that died mid-delivery).
    public var notificationLeaseSeconds = 120
    /// The mail server; nil writes each email to `mailFolder` instead (the demo's default).
    public var smtp: SMTPSettings?
    public var mailFrom = "City of Riverton Parking Services <appeals@riverton.example>"
    /// The mailbox replies reach (`appeals@riverton.example`): each email's Reply-To is it with a token after a `+`.
    public var inboundEmailAddress: String?
    /// The IMAP mailbox polled for replies, when set.
    public var imap: IMAPSettings?
    public var mailFolder: String?
    /// Text messages go to this file (one JSON line each) until a provider is configured.
    public var smsOutboxFile: String?
    /// The SMS provider's API (`SMS_PROVIDER=http`); nil: texts are written to `smsOutboxFile`.
    public var sms: SMSSettings?
    /// How long a receiver holds a message it claimed before another may take it over (one that died).
    public var inboundHoldSeconds = 600
    /// The bearer key `/metrics` asks for; without one `/metrics` is not served.
    public var metricsToken: String?

    public struct SMTPSettings: Sendable {
        public var host: String
        public var port = 587
        public var security = Security.startTLS
        public var username = ""
        public var password = ""
        public var timeoutSeconds = 30
        public enum Security: String, Sendable { case startTLS = "starttls", implicit, none }
        public init(host: String) { self.host = host }

        /// Whether the mail server is this machine, the only one mail may go to without TLS: `localhost`, an address
        /// in 127.0.0.0/8, or ::1 (as written: no other name is looked up, since a name can point anywhere).
        public static func isLoopback(_ host: String) -> Bool {
            var text = host.lowercased()
            if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
            if text == "localhost" { return true }
            var v4 = in_addr()
            if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { $0.first == 127 } }
            var v6 = in6_addr()
            if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) == Array(repeating: 0, count: 15) + [1] } }
            return false
        }
    }
    public var templatesFolder = "templates"
    public var publicFolder = "public"
    public var migrationsFolder = "migrations"
    public var sqliteBusyTimeoutMilliseconds = 5_000
    /// How often the server's deadline sweeper runs; 0 turns it off (run `appeals sweep` from cron instead).
    public var sweepIntervalSeconds = 60
    /// Ticket and status look-ups allowed per client address in `lookUpWindowSeconds`; 0 turns the limit off.
    public var lookUpLimit = 30
    public var lookUpWindowSeconds = 600
    /// The portal is served over HTTPS (directly or behind a proxy): every cookie gets `Secure`, the staff and
    /// anti-forgery cookies `__Host-`, and responses `Strict-Transport-Security`.
    public var secureCookies = false
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` headers are believed (`TRUSTED_PROXIES`); none by default.
    public var trustedProxies = TrustedProxies.none
    /// How often the server's evidence sweep runs; 0 turns it off (run `appeals evidence sweep` from cron instead).
    public var evidenceSweepIntervalSeconds = 3_600
    /// Status views are written to timelines in one transaction every this many milliseconds; 0 writes each at once.
    public var timelineBatchMilliseconds = 200
    /// A ticket form sent back faster than this after it was shown is treated as a bot's.
    public var formMinimumFillSeconds = 2
    public var authority = Authority()
    /// Limits on uploaded evidence (EVIDENCE_* variables).
    public var evidenceLimits = EvidenceLimits()

    public init() {}

    /// A setting with a value the portal cannot use.
    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let value: String
        public let expected: String
        public var description: String { "\(variable)=\"\(value)\" is not valid: expected \(expected)." }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Self {
        var config = AppConfiguration()
        func string(_ name: String) -> String? {
            guard let value = env[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = string(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw Invalid(variable: name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        config.host = string("HOST") ?? config.host
        config.port = try integer("PORT", in: 0...65_535) ?? config.port
        config.dataFolder = string("DATA_DIR") ?? config.dataFolder
        config.uploadsFolder = string("UPLOADS_DIR") ?? config.uploadsFolder
        config.lettersFolder = string("LETTERS_DIR") ?? config.lettersFolder
        if let paper = string("LETTER_PAPER") {
            guard ["letter", "a4"].contains(paper) else { throw Invalid(variable: "LETTER_PAPER", value: paper, expected: "letter or a4") }
            config.letterPaperA4 = paper == "a4"
        }
        config.lettersIntervalSeconds = try integer("LETTERS_INTERVAL_SECONDS", in: 0...86_400) ?? config.lettersIntervalSeconds
        config.notificationsIntervalSeconds =
            try integer("NOTIFICATIONS_INTERVAL_SECONDS", in: 0...86_400) ?? config.notificationsIntervalSeconds
        config.notificationLeaseSeconds = try integer("NOTIFICATION_LEASE_SECONDS", in: 1...86_400) ?? config.notificationLeaseSeconds
        if let host = string("SMTP_HOST") {
            var smtp = SMTPSettings(host: host)
            smtp.port = try integer("SMTP_PORT", in: 1...65_535) ?? smtp.port
            if let security = string("SMTP_SECURITY") {
                guard let parsed = SMTPSettings.Security(rawValue: security) else {
                    throw Invalid(variable: "SMTP_SECURITY", value: security, expected: "starttls, implicit or none")
                }
                smtp.security = parsed
            }
            guard smtp.security != .none || SMTPSettings.isLoopback(host) else {
                throw Invalid(
                    variable: "SMTP_SECURITY", value: "none",
                    expected: "starttls or implicit: without TLS, mail may only go to a server on this machine "
                        + "(SMTP_HOST localhost, 127.0.0.1 or ::1), not \(host)")
            }
            smtp.username = string("SMTP_USERNAME") ?? ""
            smtp.password = string("SMTP_PASSWORD") ?? ""
            smtp.timeoutSeconds = try integer("SMTP_TIMEOUT_SECONDS", in: 1...600) ?? smtp.timeoutSeconds
            config.smtp = smtp
        }
        config.mailFrom = string("MAIL_FROM") ?? config.mailFrom
        try config.readInbound(string: string, integer: integer)
        config.mailFolder = string("MAIL_DIR") ?? config.mailFolder
        try config.readTexts(string: string)
        if let token = string("METRICS_TOKEN") {
            guard token.count >= 16 else { throw Invalid(variable: "METRICS_TOKEN", value: "(hidden)", expected: "at least 16 characters") }
            config.metricsToken = token
        }
        config.templatesFolder = string("TEMPLATES_DIR") ?? config.templatesFolder
        config.publicFolder = string("PUBLIC_DIR") ?? config.publicFolder
        config.migrationsFolder = string("MIGRATIONS_DIR") ?? config.migrationsFolder
        config.sqliteBusyTimeoutMilliseconds =
            try integer("SQLITE_BUSY_TIMEOUT_MS", in: 0...600_000)
            ?? config.sqliteBusyTimeoutMilliseconds
        config.sweepIntervalSeconds = try integer("SWEEP_INTERVAL_SECONDS", in: 0...86_400) ?? config.sweepIntervalSeconds
        config.lookUpLimit = try integer("LOOKUP_LIMIT", in: 0...1_000_000) ?? config.lookUpLimit
        config.lookUpWindowSeconds = try integer("LOOKUP_WINDOW_SECONDS", in: 1...86_400) ?? config.lookUpWindowSeconds
        config.formMinimumFillSeconds = try integer("FORM_MINIMUM_FILL_SECONDS", in: 0...600) ?? config.formMinimumFillSeconds
        if let secure = string("SECURE_COOKIES") {
            guard ["true", "false"].contains(secure) else {
                throw Invalid(variable: "SECURE_COOKIES", value: secure, expected: "true or false")
            }
            config.secureCookies = secure == "true"
        }
        if let list = string("TRUSTED_PROXIES") {
            guard let proxies = TrustedProxies(parsing: list) else {
                throw Invalid(
                    variable: "TRUSTED_PROXIES", value: list, expected: "addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8, ::1"
                )
            }
            config.trustedProxies = proxies
        }
        config.evidenceSweepIntervalSeconds =
            try integer("EVIDENCE_SWEEP_INTERVAL_SECONDS", in: 0...604_800)
            ?? config.evidenceSweepIntervalSeconds
        config.timelineBatchMilliseconds = try integer("TIMELINE_BATCH_MS", in: 0...10_000) ?? config.timelineBatchMilliseconds
        let megabyte = 1_000_000
        config.evidenceLimits.maxFileBytes =
            try integer("EVIDENCE_MAX_FILE_MB", in: 1...1_000).map { $0 * megabyte }
            ?? config.evidenceLimits.maxFileBytes
        config.evidenceLimits.maxFiles = try integer("EVIDENCE_MAX_FILES", in: 1...100) ?? config.evidenceLimits.maxFiles
        config.evidenceLimits.maxAppealBytes =
            try integer("EVIDENCE_MAX_APPEAL_MB", in: 1...10_000).map { $0 * megabyte }
            ?? config.evidenceLimits.maxAppealBytes
        config.evidenceLimits.maxMegapixels = try integer("EVIDENCE_MAX_MEGAPIXELS", in: 1...1_000) ?? config.evidenceLimits.maxMegapixels
        config.evidenceLimits.maxSide = try integer("EVIDENCE_MAX_SIDE", in: 1...100_000) ?? config.evidenceLimits.maxSide
        config.evidenceLimits.maxProgressiveScans =
            try integer("EVIDENCE_MAX_SCANS", in: 1...10_000)
            ?? config.evidenceLimits.maxProgressiveScans
        config.evidenceLimits.decoderMemoryBytes =
            try integer("EVIDENCE_DECODER_MEMORY_MB", in: 16...16_000).map { $0 * megabyte }
            ?? config.evidenceLimits.decoderMemoryBytes
        config.evidenceLimits.maxPDFPages = try integer("EVIDENCE_MAX_PDF_PAGES", in: 1...10_000) ?? config.evidenceLimits.maxPDFPages
        if let url = string("DATABASE_URL") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw Invalid(variable: "DATABASE_URL", value: "(hidden)", expected: "a postgres:// URL, or unset for SQLite")
            }
            config.database = .postgres(url: url)
        } else {
            config.database = .sqlite(path: config.dataFolder + "/appeals.sqlite")
        }
        config.authority.name = string("AUTHORITY_NAME") ?? config.authority.name
        config.authority.phone = string("AUTHORITY_PHONE") ?? config.authority.phone
        config.authority.postalAddress = string("AUTHORITY_ADDRESS") ?? config.authority.postalAddress
        if let code = string("DEFAULT_CALLING_CODE") {
            guard (1...3).contains(code.count), code.allSatisfy(\.isNumber), code.first != "0" else {
                throw Invalid(variable: "DEFAULT_CALLING_CODE", value: code, expected: "a country calling code without +, e.g. 1 or 44")
            }
            config.authority.callingCode = code
        }
        config.authority.appealWindowDays = try integer("APPEAL_WINDOW_DAYS", in: 1...365) ?? config.authority.appealWindowDays
        config.authority.postmarkReviewDays = try integer("POSTMARK_REVIEW_DAYS", in: 0...365) ?? config.authority.postmarkReviewDays
        config.authority.minimumReviewDays = try integer("MINIMUM_REVIEW_DAYS", in: 0...30) ?? config.authority.minimumReviewDays
        if let url = string("PUBLIC_URL") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme), parsed.host != nil else {
                throw Invalid(variable: "PUBLIC_URL", value: url, expected: "the portal's address, e.g. https://appeals.example.gov")
            }
            config.authority.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        config.authority.paymentDays = try integer("PAYMENT_DAYS", in: 1...365) ?? config.authority.paymentDays
        config.authority.discountDays = try integer("DISCOUNT_DAYS", in: 0...365) ?? config.authority.discountDays
        config.authority.discountPercent = try integer("DISCOUNT_PERCENT", in: 0...100) ?? config.authority.discountPercent
        config.authority.discountReofferDays = try integer("DISCOUNT_REOFFER_DAYS", in: 0...365) ?? config.authority.discountReofferDays
        if let zone = string("AUTHORITY_TIME_ZONE") {
            guard TimeZone(identifier: zone) != nil else {
                throw Invalid(variable: "AUTHORITY_TIME_ZONE", value: zone, expected: "an IANA time zone such as America/New_York")
            }
            config.authority.timeZone = zone
        }
        return config
    }
}
