import AppealsDomain

/// The status API's addresses (described by `public/openapi.yaml`).
enum APIURL: SiteURL {
    /// `/api/openapi.yaml`
    case openAPI
    /// `/api/v1/cases`: the search.
    case cases
    /// `/api/v1/cases/{reference}`
    case `case`(Parameter<CaseReference>)

    var segments: [PathSegment] {
        switch self {
        case .openAPI: [.literal("api"), .literal("openapi.yaml")]
        case .cases: [.literal("api"), .literal("v1"), .literal("cases")]
        case .case(let reference): [.literal("api"), .literal("v1"), .literal("cases"), reference.segment("reference")]
        }
    }

    /// Every path under here answers in JSON (problems as `application/problem+json`) and takes no cookies.
    static let prefix = "/api/"
}
