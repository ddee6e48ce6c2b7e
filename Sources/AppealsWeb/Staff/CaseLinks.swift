import AppealsDomain

/// One case's own addresses as its pages link to them: the case page, the forms posted from it, and the case's
/// audit trail.
struct CaseLinks: Sendable, Encodable {
    let page, audit: String
    let claim, release, startReview, requestInformation, note, decide, approve, returnToReviewer: String
    let call, vulnerable, contact, withdraw, hearing, hearingDate, assign, message, callback: String

    init(_ reference: CaseReference) {
        func form(_ form: StaffURL.CaseForm) -> String { StaffURL.caseForm(.value(reference), form).path }
        page = StaffURL.case(.value(reference)).path
        audit = StaffURL.audit.path(query: "case=\(reference.value)")
        (claim, release, startReview) = (form(.claim), form(.release), form(.startReview))
        (requestInformation, note, decide) = (form(.requestInformation), form(.note), form(.decide))
        (approve, returnToReviewer) = (form(.approve), form(.return))
        (call, vulnerable, contact, withdraw) = (form(.call), form(.vulnerable), form(.contact), form(.withdraw))
        (hearing, hearingDate, assign, message) = (form(.hearing), form(.hearingDate), form(.assign), form(.message))
        callback = form(.callback)
    }
}
