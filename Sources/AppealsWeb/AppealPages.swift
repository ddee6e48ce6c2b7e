import AppealsDomain
import AppealsServices
import Foundation

// View models of the appeal journey: stored properties only (templates see nothing else), words in templates.

/// A page with nothing but the site's own values.
struct EmptyPage: Sendable, Encodable {}

struct TicketPage: Sendable, Encodable {
    let csrf: String
    let ticketNumber: String
    let plate: String
    var hasErrors = false
    var ticketMissing = false
    var ticketInvalid = false
    var plateMissing = false
    var plateInvalid = false
    var noMatch = false
    var alreadyAppealed = false
    /// The form came back very fast: please press Continue again (not an error).
    var confirmAgain = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        ticketNumber = draft.ticketInput
        plate = draft.plateInput
    }
}

/// The ticket as the citizen sees it, to know it is the right one.
struct TicketSummary: Sendable, Encodable {
    let number: String
    let plate: String
    let issued: String
    let location: String
    let violation: String
    let amount: String

    init(_ ticket: Ticket, timeZone: TimeZone) {
        let calendar = BusinessCalendar(timeZone: timeZone)
        number = ticket.number.value
        plate = ticket.plate.number.value
        issued = AppealController.longDate(calendar.local(ticket.issuedAt).date)
        location = ticket.location
        violation = ticket.violation.description
        amount = Money.dollars(ticket.amountCents)
    }
}

struct DetailsPage: Sendable, Encodable {
    let csrf: String
    let ticket: TicketSummary
    let late: Bool
    let grounds: [GroundOption]
    let statement: String
    let lateReason: String
    /// The appeal window, for "Why are you appealing after 30 days?".
    let windowDays: Int
    let maximum = AppealDraft.maximumStatement
    var hasErrors = false
    var noGround = false
    var noStatement = false
    var statementTooLong = false
    var noLateReason = false

    struct GroundOption: Sendable, Encodable {
        let code: String
        let checked: Bool
        /// One flag per ground, so that the template holds the words.
        let ground: GroundLabel
    }

    init(csrf: String, draft: AppealDraft, ticket: Ticket, timeZone: TimeZone, windowDays: Int) {
        self.csrf = csrf
        self.ticket = TicketSummary(ticket, timeZone: timeZone)
        self.windowDays = windowDays
        late = draft.late
        statement = draft.statement
        lateReason = draft.lateReason
        grounds = Ground.allCases.map { g in
            GroundOption(code: g.rawValue, checked: draft.grounds.contains(g.rawValue), ground: GroundLabel(g))
        }
    }

    mutating func show(_ problems: AppealDraft.DetailsProblems) {
        hasErrors = problems.any
        noGround = problems.noGround
        noStatement = problems.noStatement
        statementTooLong = problems.statementTooLong
        noLateReason = problems.noLateReason
    }
}

struct ContactPage: Sendable, Encodable {
    let csrf: String
    let name: String
    let address: String
    let email: String
    let mobile: String
    let letter: Bool
    let byEmail: Bool
    let bySMS: Bool
    /// (Mustache treats an empty string as present.)
    let hasEmail: Bool
    let hasMobile: Bool
    var hasErrors = false
    var noName = false
    var noAddress = false
    var badEmail = false
    var badMobile = false
    var emailNeeded = false
    var mobileNeeded = false

    init(csrf: String, draft: AppealDraft) {
        self.csrf = csrf
        name = draft.name
        address = draft.address
        email = draft.email
        mobile = draft.mobile
        letter = draft.channel == "letter"
        byEmail = draft.channel == "email"
        bySMS = draft.channel == "sms"
        hasEmail = !draft.email.trimmingSpaces.isEmpty
        hasMobile = !draft.mobile.trimmingSpaces.isEmpty
    }

    mutating func show(_ problems: AppealDraft.ContactProblems) {
        hasErrors = problems.any
        noName = problems.noName
        noAddress = problems.noAddress
        badEmail = problems.badEmail
        badMobile = problems.badMobile
        emailNeeded = problems.emailNeeded
        mobileNeeded = problems.mobileNeeded
    }
}

struct CheckPage: Sendable, Encodable {
    let csrf: String
    let ticket: TicketSummary
    let details: DetailsPage
    let contact: ContactPage
    let late: Bool
    let lateReason: String
    let files: [EvidenceItem]
    let hasFiles: Bool

    init(csrf: String, draft: AppealDraft, ticket: Ticket, timeZone: TimeZone, files: [EvidenceItem]) {
        self.csrf = csrf
        self.files = files
        hasFiles = !files.isEmpty
        self.ticket = TicketSummary(ticket, timeZone: timeZone)
        details = DetailsPage(csrf: csrf, draft: draft, ticket: ticket, timeZone: timeZone, windowDays: 0)
        contact = ContactPage(csrf: csrf, draft: draft)
        late = draft.late
        lateReason = draft.lateReason
    }
}

struct ConfirmationPage: Sendable, Encodable {
    let reference: String
    let acknowledgementBy: String
    let decisionBy: String
    let email: String?
    let sms: String?
}

/// One uploaded file as the citizen sees it: a thumbnail (photos) or a name (PDFs), never the original bytes.
struct EvidenceItem: Sendable, Encodable {
    let id: String
    let name: String
    let photo: Bool
    let size: String
    var thumbnail: String

    init(_ record: EvidenceRecord) {
        id = record.id.value
        name = record.originalName
        photo = record.kind == .photo
        size = Self.size(record.original.byteSize)
        thumbnail = "/appeal/evidence/\(record.id.value)/thumbnail"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : "\(max(1, bytes / 1_000)) KB"
    }
}

struct EvidencePage: Sendable, Encodable {
    let csrf: String
    let files: [EvidenceItem]
    let hasFiles: Bool
    let maxFiles: Int
    let maxFileMegabytes: Int
    let roomForMore: Bool
    let rejected: [RejectedFile]
    var hasErrors: Bool
    /// This draft has sent as many bytes as one appeal may, counting removed files.
    var budgetUsed = false

    init(csrf: String, files: [EvidenceItem], limits: EvidenceLimits, rejected: [RejectedFile]) {
        self.csrf = csrf
        self.files = files
        hasFiles = !files.isEmpty
        maxFiles = limits.maxFiles
        maxFileMegabytes = limits.maxFileBytes / 1_000_000
        roomForMore = files.count < limits.maxFiles
        self.rejected = rejected
        hasErrors = !rejected.isEmpty
    }

    struct RejectedFile: Sendable, Encodable {
        let name: String
        let reason: String
    }
}
