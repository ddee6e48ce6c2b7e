import AppealsDomain
import AppealsServices

/// The citizens' addresses: the start page, the appeal journey and the status page.
enum CitizenURL: SiteURL {
    /// `/`
    case home
    /// `/appeal`: sends the person to the first step.
    case appealStart
    /// `/appeal/ticket`, `/appeal/details` …
    case appeal(AppealStep)
    /// `/appeal/evidence/remove`
    case appealEvidenceRemoval
    /// `/appeal/evidence/{id}/thumbnail`
    case appealThumbnail(Parameter<EvidenceID>)
    /// `/status`: the look-up form (GET) and the look-up (POST).
    case status
    /// `/status/withdraw`, `/status/hearing`, `/status/answer`
    case statusForm(StatusForm)
    /// `/status/evidence/{id}/thumbnail`
    case statusThumbnail(Parameter<EvidenceID>)

    /// The steps of the appeal journey, in order.
    enum AppealStep: String, Sendable, CaseIterable {
        case ticket, details, evidence, contact, check, confirmation
    }

    /// What a person does from the status page.
    enum StatusForm: String, Sendable, CaseIterable {
        case withdraw, hearing, answer, callback
    }

    var segments: [PathSegment] {
        switch self {
        case .home: []
        case .appealStart: [.literal("appeal")]
        case .appeal(let step): [.literal("appeal"), .literal(step.rawValue)]
        case .appealEvidenceRemoval: [.literal("appeal"), .literal("evidence"), .literal("remove")]
        case .appealThumbnail(let id): [.literal("appeal"), .literal("evidence"), id.segment("id"), .literal("thumbnail")]
        case .status: [.literal("status")]
        case .statusForm(let form): [.literal("status"), .literal(form.rawValue)]
        case .statusThumbnail(let id): [.literal("status"), .literal("evidence"), id.segment("id"), .literal("thumbnail")]
        }
    }
}
