import AppealsDomain
import AppealsServices

/// The staff's addresses: everything under `/staff`, and the phone agents' `/agent`. Every one is registered
/// through ``StaffRoutes`` with the roles it admits.
enum StaffURL: SiteURL {
    /// `/staff`: the home page after signing in.
    case home
    /// `/staff/sign-in`, `/staff/sign-out`
    case signIn, signOut
    /// `/staff/queue`, `/staff/approvals`, `/staff/team`, `/staff/reassign`
    case queue, approvals, team, reassign
    /// `/staff/cases/{reference}`: the case page.
    case `case`(Parameter<CaseReference>)
    /// `/staff/cases/{reference}/claim` …: the forms on the case page.
    case caseForm(Parameter<CaseReference>, CaseForm)
    /// `/staff/evidence/{id}/thumbnail` …: one evidence file as staff see it.
    case evidence(Parameter<EvidenceID>, EvidenceView)
    /// `/staff/appeals/new`: a paper or phone appeal, typed in.
    case intake
    /// `/staff/appeals/{draft}`: the typed-in appeal's files.
    case intakeDraft(Parameter<DraftToken>)
    /// `/staff/appeals/{draft}/evidence` …
    case intakeForm(Parameter<DraftToken>, IntakeStep)
    /// `/staff/appeals/{draft}/evidence/{id}/thumbnail`
    case intakeThumbnail(Parameter<DraftToken>, Parameter<EvidenceID>)
    /// `/staff/letters`: the print room.
    case letters
    /// `/staff/letters/batches`: a new batch (POST).
    case batches
    /// `/staff/letters/batches/{id}`
    case batch(Parameter<PrintBatchID>)
    /// `/staff/letters/batches/{id}/pdf` …
    case batchPart(Parameter<PrintBatchID>, BatchPart)
    /// `/staff/letters/{id}/pdf` …
    case letter(Parameter<LetterID>, LetterPart)
    /// `/staff/dashboard`, `/staff/dashboard/cases`, `/staff/dashboard/report`
    case dashboard, dashboardCases, dashboardReport
    /// `/staff/audit`, `/staff/audit/verify`
    case audit, auditVerification
    /// `/staff/admin`
    case admin
    /// `/staff/admin/staff`, `/staff/admin/holidays` …
    case adminPage(AdminPage)
    /// `/staff/admin/holidays/remove`
    case holidayRemoval
    /// `/staff/admin/staff/{id}`
    case member(Parameter<StaffID>)
    /// `/staff/admin/staff/{id}/active`
    case memberActivation(Parameter<StaffID>)
    /// `/staff/admin/api-keys/{id}/revoke`
    case apiKeyRevocation(Parameter<String>)
    /// `/staff/messages`: the Unmatched messages queue.
    case messages
    /// `/staff/messages/{id}/attach`: one message put on a case.
    case messageAttachment(Parameter<String>)
    /// `/staff/messages/{id}/answer`: one message answered to its sender.
    case messageAnswer(Parameter<String>)
    /// `/staff/callbacks`: the Callbacks due list.
    case callbacks
    /// `/agent`: the phone agents' search.
    case agent
    /// `/agent/pop`: the screen pop for a caller's number.
    case agentPop

    /// The forms posted from the case page, each to `/staff/cases/{reference}/<form>`.
    enum CaseForm: String, Sendable, CaseIterable {
        case claim, release, note, decide, approve, `return`, call, vulnerable, contact, withdraw, hearing, assign, postmark, message
        case callback
        case startReview = "start-review"
        case requestInformation = "request-information"
        case hearingDate = "hearing-date"
    }

    /// The ways staff open an evidence file.
    enum EvidenceView: String, Sendable, CaseIterable {
        case thumbnail, display, document, original
    }

    /// The steps of a typed-in appeal after its answers: files added and removed, then filed.
    enum IntakeStep: String, Sendable, CaseIterable {
        case evidence, file
        case evidenceRemoval = "evidence/remove"
    }

    /// A print batch's files and the forms that move it on.
    enum BatchPart: String, Sendable, CaseIterable {
        case pdf, manifest, printed, posted
    }

    /// One letter's file and what happens to it after printing.
    enum LetterPart: String, Sendable, CaseIterable {
        case pdf, reprint, returned
    }

    /// The administrators' pages.
    enum AdminPage: String, Sendable, CaseIterable {
        case staff, holidays, policies, tickets
        case apiKeys = "api-keys"
    }

    var segments: [PathSegment] {
        switch self {
        case .agent: [.literal("agent")]
        case .agentPop: [.literal("agent"), .literal("pop")]
        default: [.literal("staff")] + Self.below(self)
        }
    }

    /// The segments after `/staff`.
    private static func below(_ url: StaffURL) -> [PathSegment] {
        switch url {
        case .home, .agent, .agentPop: []
        case .signIn: [.literal("sign-in")]
        case .signOut: [.literal("sign-out")]
        case .queue: [.literal("queue")]
        case .approvals: [.literal("approvals")]
        case .team: [.literal("team")]
        case .reassign: [.literal("reassign")]
        case .case(let reference): [.literal("cases"), reference.segment("reference")]
        case .caseForm(let reference, let form): [.literal("cases"), reference.segment("reference"), .literal(form.rawValue)]
        case .evidence(let id, let view): [.literal("evidence"), id.segment("id"), .literal(view.rawValue)]
        case .intake: [.literal("appeals"), .literal("new")]
        case .intakeDraft(let draft): [.literal("appeals"), draft.segment("draft")]
        case .intakeForm(let draft, let step):
            [.literal("appeals"), draft.segment("draft")] + step.rawValue.split(separator: "/").map { PathSegment.literal(String($0)) }
        case .intakeThumbnail(let draft, let id):
            [.literal("appeals"), draft.segment("draft"), .literal("evidence"), id.segment("id"), .literal("thumbnail")]
        case .letters: [.literal("letters")]
        case .batches: [.literal("letters"), .literal("batches")]
        case .batch(let id): [.literal("letters"), .literal("batches"), id.segment("id")]
        case .batchPart(let id, let part): [.literal("letters"), .literal("batches"), id.segment("id"), .literal(part.rawValue)]
        case .letter(let id, let part): [.literal("letters"), id.segment("id"), .literal(part.rawValue)]
        case .dashboard: [.literal("dashboard")]
        case .dashboardCases: [.literal("dashboard"), .literal("cases")]
        case .dashboardReport: [.literal("dashboard"), .literal("report")]
        case .audit: [.literal("audit")]
        case .auditVerification: [.literal("audit"), .literal("verify")]
        case .admin: [.literal("admin")]
        case .adminPage(let page): [.literal("admin"), .literal(page.rawValue)]
        case .holidayRemoval: [.literal("admin"), .literal("holidays"), .literal("remove")]
        case .member(let id): [.literal("admin"), .literal("staff"), id.segment("id")]
        case .memberActivation(let id): [.literal("admin"), .literal("staff"), id.segment("id"), .literal("active")]
        case .apiKeyRevocation(let id): [.literal("admin"), .literal("api-keys"), id.segment("id"), .literal("revoke")]
        case .messages: [.literal("messages")]
        case .messageAttachment(let id): [.literal("messages"), id.segment("id"), .literal("attach")]
        case .messageAnswer(let id): [.literal("messages"), id.segment("id"), .literal("answer")]
        case .callbacks: [.literal("callbacks")]
        }
    }

    /// Whether a path belongs to the staff's side (their session cookie and their anti-forgery token apply).
    static func isStaffPath(_ path: String) -> Bool {
        path.hasPrefix(StaffURL.home.path) || path.hasPrefix(StaffURL.agent.path)
    }
}
