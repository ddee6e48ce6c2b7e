import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The clerks' print room: letters waiting by kind and age, print batches (one PDF, each letter on a new sheet,
/// and a CSV manifest), marked printed and then posted, a letter printed again, returned mail recorded.
struct PrintRoomController: Sendable {
    let pages: PageRenderer
    /// A letter is read by those who may view its case (``CaseAccess``), as its evidence is.
    let printRoom: PrintRoom
    let clock: any WallClock
    let timeZone: TimeZone

    static let clerks: Set<Role> = [.clerk]
    /// Who may read a produced letter: everyone who reads cases (and then only the letters of cases they may view).
    static let readers: Set<Role> = CaseAccess.viewers
    static let batchesPerPage = 20
    static let lettersPerPage = 100

    var calendar: BusinessCalendar { BusinessCalendar(timeZone: timeZone) }

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.letters, roles: Self.clerks) { request, context, account in
            let page = try RequestNumber.parse(request.uri.queryParameters["page"], in: 1...10_000) ?? 1
            return try await room(account, context, page: page)
        }
        routes.post(StaffURL.batches, roles: Self.clerks) { _, context, account in
            let form = try context.form(PrintBatchForm.self)
            guard let cutoff = calendar.endOfMinute(form.until ?? "") else {
                return try await room(
                    account, context, untilError: Catalogue.english(ClerkWords.cutoffInvalid))
            }
            guard let id = try await printRoom.createBatch(until: cutoff, by: account.id) else {
                return try await room(account, context, nothingToBatch: true, until: form.until)
            }
            return Response.redirect(to: StaffURL.batch(.value(id)).path, type: .normal)
        }
        routes.get(StaffURL.batch(.key), roles: Self.clerks) { request, context, account in
            let page = try RequestNumber.parse(request.uri.queryParameters["page"], in: 1...10_000) ?? 1
            return try pages.render(
                "staff/print-batch", page: try await batchPage(try await batch(context), account, context, page: page), context: context)
        }
        routes.get(StaffURL.batchPart(.key, .pdf), roles: Self.clerks) { _, context, _ in
            let batch = try await batch(context)
            guard let pdf = batch.pdf else { throw AppError.notFound }
            return Self.download(try printRoom.file(pdf.key), type: "application/pdf", name: "print-batch-\(batch.id.value.prefix(8)).pdf")
        }
        routes.get(StaffURL.batchPart(.key, .manifest), roles: Self.clerks) { _, context, _ in
            let batch = try await batch(context)
            guard let key = batch.manifestKey else { throw AppError.notFound }
            return Self.download(
                try printRoom.file(key), type: "text/csv; charset=utf-8", name: "print-batch-\(batch.id.value.prefix(8))-manifest.csv")
        }
        routes.post(StaffURL.batchPart(.key, .printed), roles: Self.clerks) { _, context, account in
            let batch = try await batch(context)
            let done = try await printRoom.markPrinted(batch.id, by: actor(account))
            var page = try await batchPage(try await self.batch(context), account, context)
            page.notice = Catalogue.english(done ? ClerkWords.markedPrinted : .alreadyPrinted)
            return try pages.render("staff/print-batch", page: page, context: context)
        }
        routes.post(StaffURL.batchPart(.key, .posted), roles: Self.clerks) { _, context, account in
            let batch = try await batch(context)
            let today = calendar.localDate(clock.now())
            let typed = try context.form(PostingForm.self).postedOn ?? ""
            guard let day = LocalDate(iso: typed.trimmingCharacters(in: .whitespaces)), day <= today, day.days(until: today) <= 30,
                day >= calendar.localDate(batch.createdAt)
            else {
                var page = try await batchPage(batch, account, context)
                page.postedOnError = Catalogue.english(ClerkWords.postedOnInvalid)
                return try pages.render("staff/print-batch", page: page, context: context, status: .unprocessableContent)
            }
            let done = try await printRoom.markPosted(batch.id, on: day, by: actor(account))
            var page = try await batchPage(try await self.batch(context), account, context)
            page.notice =
                done
                ? Catalogue.english(ClerkWords.markedPosted, ["day": LongDate.text(day)]) : Catalogue.english(ClerkWords.notPrintedOrPosted)
            return try pages.render("staff/print-batch", page: page, context: context)
        }
        routes.get(StaffURL.letter(.key, .pdf), roles: Self.readers) { _, context, account in
            let letter = try await letter(context)
            guard let pdf = try await printRoom.pdf(of: letter, for: account) else { throw AppError.notFound }
            return Self.download(
                pdf, type: "application/pdf", name: "letter-\(letter.reference.value).pdf", inline: true)
        }
        routes.post(StaffURL.letter(.key, .reprint), roles: Self.clerks) { _, context, account in
            let letter = try await letter(context)
            let pdf = try await printRoom.reprint(letter.id, by: actor(account))
            return Self.download(pdf, type: "application/pdf", name: "letter-\(letter.reference.value)-reprint.pdf")
        }
        routes.post(StaffURL.letter(.key, .returned), roles: Self.clerks) { _, context, account in
            let letter = try await letter(context)
            let form = try context.form(ReturnedMailForm.self)
            guard let reason = form.reason.flatMap(ReturnReason.init) else { throw RequestError.malformed }
            let note = String((form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
            _ = try await printRoom.recordReturned(letter.id, reason: reason.text + (note.isEmpty ? "" : " (\(note))"), by: actor(account))
            guard let batchID = letter.batchID else { return Response.redirect(to: StaffURL.letters.path, type: .normal) }
            return Response.redirect(to: StaffURL.batch(.value(batchID)).path(fragment: "letter-\(letter.id.value)"), type: .normal)
        }
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onPrintRoom = true
        return nav
    }

    func actor(_ account: StaffAccount) -> Actor { Actor(role: .clerk, staffID: account.id) }

    func batch(_ context: AppRequestContext) async throws -> PrintBatch {
        guard let id = context.parameters.get("id").flatMap(PrintBatchID.init), let batch = try await printRoom.batch(id) else {
            throw AppError.notFound
        }
        return batch
    }

    func letter(_ context: AppRequestContext) async throws -> LetterRecord {
        guard let id = context.parameters.get("id").flatMap(LetterID.init), let letter = try await printRoom.letter(id) else {
            throw AppError.notFound
        }
        return letter
    }

    func localInput(_ instant: Date) -> String {
        let local = calendar.local(instant)
        let minutes = local.time.minutesSinceMidnight
        return "\(local.date)T" + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    func room(
        _ account: StaffAccount, _ context: AppRequestContext, page number: Int = 1, untilError: String? = nil,
        nothingToBatch: Bool = false, until: String? = nil
    ) async throws -> Response {
        let calendar = calendar
        let now = clock.now()
        let room = try await printRoom.overview(batchesOffset: (number - 1) * Self.batchesPerPage, limit: Self.batchesPerPage + 1)
        let (waiting, failed, batches) = (room.waiting, room.failed, room.batches)
        var page = PrintRoomPage(
            nav: nav(account, context), csrf: context.csrfToken,
            waiting: waiting.map {
                .init(kind: Label($0.kind), count: $0.count, oldest: Self.age(from: $0.oldest, to: now))
            },
            totalWaiting: waiting.reduce(0) { $0 + $1.count }, noneWaiting: waiting.isEmpty, until: until ?? localInput(now),
            failed: failed.map {
                .init(
                    reference: $0.reference.grouped, referenceValue: $0.reference.value,
                    link: StaffURL.case(.value($0.reference)).path, kind: Label($0.kind), problem: $0.problem ?? "",
                    queued: LongDate.moment($0.queuedAt, calendar))
            },
            hasFailed: !failed.isEmpty,
            batches: batches.prefix(Self.batchesPerPage).map {
                .init(
                    id: $0.id.value, link: StaffURL.batch(.value($0.id)).path, created: LongDate.moment($0.createdAt, calendar),
                    letters: $0.letters,
                    pages: $0.pages.map(String.init) ?? "–", sheets: $0.sheets.map(String.init) ?? "–", status: $0.status.text)
            },
            noBatches: batches.isEmpty && number == 1,
            pager: .init(
                page: number, previous: number > 1 ? number - 1 : nil, next: batches.count > Self.batchesPerPage ? number + 1 : nil,
                shown: number > 1 || batches.count > Self.batchesPerPage))
        page.untilError = untilError
        page.addressesToCheck = room.addressesToCheck.map {
            .init(value: $0.value, grouped: $0.grouped, link: StaffURL.case(.value($0)).path(fragment: "contact-heading"))
        }
        page.nothingToBatch = nothingToBatch
        let status: HTTPResponse.Status = untilError != nil || nothingToBatch ? .unprocessableContent : .ok
        return try pages.render("staff/print-room", page: page, context: context, status: status)
    }

    /// "3 hours", "2 days": how long the oldest letter has waited.
    static func age(from: Date, to now: Date) -> String {
        let hours = max(0, Int(now.timeIntervalSince(from) / 3_600))
        if hours < 1 { return Catalogue.english(ClerkWords.lessThanAnHour) }
        if hours < 48 {
            return hours == 1 ? Catalogue.english(ClerkWords.oneHour) : Catalogue.english(ClerkWords.hours, ["count": "\(hours)"])
        }
        return Catalogue.english(ClerkWords.days, ["count": "\(hours / 24)"])
    }

    /// The batch's page, with page `number` of its letters (a hundred a page).
    func batchPage(_ batch: PrintBatch, _ account: StaffAccount, _ context: AppRequestContext, page number: Int = 1) async throws
        -> PrintBatchPage
    {
        let calendar = calendar
        let members = try await printRoom.letters(
            inBatch: batch.id, offset: (number - 1) * Self.lettersPerPage, limit: Self.lettersPerPage + 1)
        return PrintBatchPage(
            nav: nav(account, context), csrf: context.csrfToken, id: batch.id.value, link: StaffURL.batch(.value(batch.id)).path,
            pdf: StaffURL.batchPart(.value(batch.id), .pdf).path, manifest: StaffURL.batchPart(.value(batch.id), .manifest).path,
            printed: StaffURL.batchPart(.value(batch.id), .printed).path, posting: StaffURL.batchPart(.value(batch.id), .posted).path,
            created: LongDate.moment(batch.createdAt, calendar), cutoff: LongDate.moment(batch.cutoff, calendar),
            status: batch.status.text, letterCount: batch.letters, pages: batch.pages.map(String.init) ?? "–",
            sheets: batch.sheets.map(String.init) ?? "–", sha256: batch.pdf?.sha256 ?? "", canPrint: batch.status == .ready,
            canPost: batch.status == .printed, posted: batch.postedOn.map(LongDate.text),
            today: calendar.localDate(clock.now()).description,
            letters: members.prefix(Self.lettersPerPage).map {
                .init(
                    id: $0.id.value, reference: $0.reference.grouped, referenceValue: $0.reference.value,
                    caseLink: StaffURL.case(.value($0.reference)).path, pdf: StaffURL.letter(.value($0.id), .pdf).path,
                    reprint: StaffURL.letter(.value($0.id), .reprint).path, returnForm: StaffURL.letter(.value($0.id), .returned).path,
                    kind: Label($0.kind),
                    recipient: $0.recipient ?? "", pages: $0.pages ?? 0, status: $0.status.text, canReturn: $0.status == .posted,
                    returned: $0.returnReason)
            },
            returnReasons: ReturnReason.allCases.map { .init(code: $0.rawValue, text: $0.text) },
            pager: .init(
                page: number, previous: number > 1 ? number - 1 : nil, next: members.count > Self.lettersPerPage ? number + 1 : nil,
                shown: number > 1 || members.count > Self.lettersPerPage))
    }

    /// A file to save (or, for one letter, to read in the browser's PDF viewer): our own PDFs and CSVs, never an
    /// upload's bytes.
    static func download(_ data: Data, type: String, name: String, inline: Bool = false) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(name)\"",
                .cacheControl: "private, no-store", .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "sandbox; default-src 'none'",
            ],
            body: .init(byteBuffer: .init(data: data))
        )
    }
}
