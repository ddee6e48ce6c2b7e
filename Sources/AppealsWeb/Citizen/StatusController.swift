import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The citizen's status page: case reference + plate → where the appeal stands and what happens next.
struct StatusController: Sendable {
    let pages: PageRenderer
    let lookUp: LookUpStatus
    let engine: CaseEngine
    let throttle: any LookUpLimiter
    let timeZone: TimeZone
    let receiveEvidence: ReceiveEvidence
    let cookies: CookiePolicy
    let callbacks: Callbacks

    /// Set when a status page is shown: lets this browser load the thumbnails of that case's files for half an
    /// hour (the reference and plate the citizen typed, checked again on every file).
    static let cookie = "appeals_status"

    func addRoutes(to router: RecordingRouter) {
        router.get(CitizenURL.status) { request, context in
            // A letter's QR code and link carry the reference: the citizen then types only the plate.
            let reference = request.uri.queryParameters.get("reference").flatMap(CaseReference.init)?.grouped ?? ""
            return try pages.render(
                "public/status-find", page: FindPage(csrfToken: context.csrfToken, reference: reference), context: context)
        }
        router.post(CitizenURL.statusForm(.withdraw)) { _, context in
            // Step 1 asks; step 2 (confirm=yes) withdraws. Reference and plate travel in hidden fields and are
            // checked again each time, like the first look-up, and count against the same limit.
            try await throttle.check(context.clientAddress)
            let form = try context.form(StatusLookUpForm.self)
            let reference = form.reference ?? ""
            let plate = form.plate ?? ""
            let status = try await lookUpOrNotFound(reference: reference, plate: plate)
            guard status.state.isUndecided else {
                return try statusPage(status, plate: plate, context: context)
            }
            guard form.confirm == "yes" else {
                return try pages.render(
                    "public/withdraw",
                    page: StatusPage(status, timeZone: timeZone, csrf: context.csrfToken, plate: plate, limits: receiveEvidence.limits),
                    context: context
                )
            }
            try await engine.apply(.withdraw, to: status.reference, by: .citizen, reason: "withdrawn online", requestID: context.id)
            let after = try await lookUpOrNotFound(reference: reference, plate: plate)
            return try statusPage(after, plate: plate, context: context)
        }
        router.post(CitizenURL.statusForm(.hearing)) { _, context in
            // As withdrawing: step 1 says what a hearing means; step 2 (confirm=yes) asks for it.
            try await throttle.check(context.clientAddress)
            let form = try context.form(StatusLookUpForm.self)
            let reference = form.reference ?? ""
            let plate = form.plate ?? ""
            let status = try await lookUpOrNotFound(reference: reference, plate: plate)
            let page = StatusPage(status, timeZone: timeZone, csrf: context.csrfToken, plate: plate, limits: receiveEvidence.limits)
            guard page.canRequestHearing else { return try statusPage(status, plate: plate, context: context) }
            guard form.confirm == "yes" else { return try pages.render("public/hearing", page: page, context: context) }
            try await engine.apply(.requestHearing, to: status.reference, by: .citizen, reason: "asked online", requestID: context.id)
            let after = try await lookUpOrNotFound(reference: reference, plate: plate)
            return try statusPage(after, plate: plate, context: context)
        }
        router.post(CitizenURL.statusForm(.answer), use: answer)
        addCallbackRoutes(to: router)
        router.get(CitizenURL.statusThumbnail(.key)) { request, context in
            guard let id = context.parameters.get("id").flatMap(EvidenceID.init),
                let (reference, plate) = request.cookies[Self.cookie].flatMap({ Self.parseCookie($0.value) }),
                let filed = CaseReference(reference), try await lookUp.matches(reference: reference, plate: plate),
                let thumbnail = try await receiveEvidence.thumbnail(id, of: .filed(filed))
            else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(thumbnail, name: "thumbnail.jpg")
        }
        router.post(CitizenURL.status) { _, context in
            try await throttle.check(context.clientAddress)
            let form = try context.form(StatusLookUpForm.self)
            let reference = form.reference ?? ""
            let plate = form.plate ?? ""
            // A filled-in hidden field is a bot: it gets the answer a wrong guess gets, and learns nothing.
            guard (form.website ?? "").isEmpty else {
                var page = FindPage(csrfToken: context.csrfToken, reference: reference, plate: plate)
                page.hasErrors = true
                page.noMatch = true
                return try pages.render("public/status-find", page: page, context: context, status: .unprocessableContent)
            }
            do {
                let status = try await lookUp(reference: reference, plate: plate, channel: .web)
                return try statusPage(status, plate: plate, context: context)
            } catch let problem as StatusLookUpProblem {
                var page = FindPage(csrfToken: context.csrfToken, reference: reference, plate: plate)
                page.hasErrors = true
                switch problem {
                case .invalidReference: page.referenceError = true
                case .invalidPlate: page.plateError = true
                case .noMatch: page.noMatch = true
                }
                return try pages.render("public/status-find", page: page, context: context, status: .unprocessableContent)
            }
        }
    }

    /// The answer to a request for information: text, and files (streamed like the appeal's; each refused one is
    /// named with its reason, the text and the other files kept).
    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await throttle.check(context.clientAddress)
        // The reference and plate come before the files in the form, and are checked before any file is written.
        let form = try await receiveEvidence.readUpload(request, context: context) { [lookUp] fields in
            guard try await lookUp.matches(reference: fields["reference"] ?? "", plate: fields["plate"] ?? "") else {
                throw AppError.notFound
            }
        }
        defer { form.files.forEach { try? FileManager.default.removeItem(at: $0.url) } }
        let reference = form.fields["reference"] ?? ""
        let plate = form.fields["plate"] ?? ""
        let answer = (form.fields["answer"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let status = try await lookUpOrNotFound(reference: reference, plate: plate)
        guard status.state == .awaitingCitizen else { return try statusPage(status, plate: plate, context: context) }
        let rejected = try await receiveEvidence.receive(form.files, owner: .filed(status.reference))
        let text = answer.trimmingSpaces
        guard !text.isEmpty, text.count <= 5_000, rejected.isEmpty else {
            // The files accepted a moment ago are the case's now, and the page lists them.
            let files = try await receiveEvidence.files(of: .filed(status.reference))
            return try statusPage(status, files: files, plate: plate, context: context, status: .unprocessableContent) { page in
                page.answer = answer
                page.answerMissing = text.isEmpty
                page.answerTooLong = text.count > 5_000
                page.rejected = rejected
                page.hasRejected = !rejected.isEmpty
                page.hasErrors = true
            }
        }
        try await engine.apply(
            .citizenResponded, to: status.reference, by: .citizen, requestID: context.id,
            interaction: Interaction(
                at: lookUp.clock.now(), channel: .web, direction: .inbound, actor: "citizen",
                kind: .informationProvided, summary: text, isPublic: true)
        )
        let after = try await lookUpOrNotFound(reference: reference, plate: plate)
        return try statusPage(after, plate: plate, context: context)
    }

    /// The status page with the case's files, and the cookie that lets this browser load their thumbnails.
    /// `files` when the case's files changed since `status` was read.
    func statusPage(
        _ status: CaseStatus, files: [EvidenceRecord]? = nil, plate: String, context: AppRequestContext,
        status code: HTTPResponse.Status = .ok, adjust: (inout StatusPage) -> Void = { _ in }
    ) throws -> Response {
        var page = StatusPage(status, timeZone: timeZone, csrf: context.csrfToken, plate: plate, limits: receiveEvidence.limits)
        page.files = (files ?? status.evidence).map { record in
            var item = EvidenceItem(record)
            item.thumbnail = CitizenURL.statusThumbnail(.value(record.id)).path
            return item
        }
        page.hasFiles = !page.files.isEmpty
        page.question = status.question
        adjust(&page)
        var response = try pages.render("public/status", page: page, context: context, status: code)
        if let normalised = PlateNumber(plate) {
            response.setCookie(
                cookies.cookie(
                    Self.cookie, "\(status.reference.value).\(normalised.value)", maxAge: 1_800,
                    path: CitizenURL.status.path, sameSite: .strict))
        }
        return response
    }

    static func parseCookie(_ value: String) -> (String, String)? {
        let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    func lookUpOrNotFound(reference: String, plate: String) async throws -> CaseStatus {
        do { return try await lookUp(reference: reference, plate: plate, channel: .web) } catch is StatusLookUpProblem {
            throw AppError.notFound
        }
    }

    /// The look-up form, with what was typed and which field is wrong (the words are in the template).
    struct FindPage: Sendable, Encodable {
        let csrfToken: String
        var reference = ""
        var plate = ""
        var referenceError = false
        var plateError = false
        var noMatch = false
        /// Stored, not computed: templates see stored properties only.
        var hasErrors = false
    }

    /// Facts for the status template: one flag per state, dates already in the authority's time zone.
    struct StatusPage: Sendable, Encodable {
        let reference: String
        let csrf: String
        /// As the citizen typed it, for the hidden field of the withdrawal form.
        let plateTyped: String
        let canWithdraw: Bool
        /// An upheld decision whose hearing window is open.
        let canRequestHearing: Bool
        var answer = ""
        var hasErrors = false
        var answerMissing = false
        var answerTooLong = false
        /// A call back just booked: when we will call.
        var callbackBooked: String?
        var files: [EvidenceItem] = []
        var hasFiles = false
        /// What the reviewer asked, while we wait for the answer.
        var question: String?
        var rejected: [EvidencePage.RejectedFile] = []
        var hasRejected = false
        let ticket: TicketSummary
        let received: String
        let late: Bool
        /// The status and what happens next: the same facts and partials as the phone agent's script.
        let script: StatusScript
        /// Shows the answer form.
        let awaitingCitizen: Bool
        let maximumFileMegabytes: Int
        let events: [Event]

        struct Event: Sendable, Encodable {
            let date: String
            let kind: Label
        }

        init(_ s: CaseStatus, timeZone: TimeZone, csrf: String, plate typed: String, limits: EvidenceLimits) {
            let calendar = BusinessCalendar(timeZone: timeZone)
            func day(_ date: LocalDate) -> String { LongDate.text(date) }
            func day(_ instant: Date) -> String { LongDate.text(calendar.local(instant).date) }
            reference = s.reference.grouped
            self.csrf = csrf
            plateTyped = typed
            canWithdraw = s.state.isUndecided
            canRequestHearing = s.hearingOpen
            ticket = TicketSummary(s.ticket, timeZone: timeZone)
            received = day(s.receivedAt)
            late = s.late
            script = StatusScript(s, timeZone: timeZone)
            awaitingCitizen = s.state == .awaitingCitizen
            maximumFileMegabytes = limits.maxFileBytes / 1_000_000
            events = s.events.reversed().map { Event(date: day($0.at), kind: Label($0.kind)) }
        }
    }
}
