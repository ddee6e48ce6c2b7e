import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The evidence step of the journey: photos and PDFs, streamed to disk, identified and sanitised, shown back as
/// thumbnails. A refused file is named with its reason; the files and answers already given stay.
extension AppealController {
    func addEvidenceRoutes(to router: RecordingRouter) {
        router.get(CitizenURL.appeal(.evidence)) { request, context in
            let (token, draft) = try await load(request)
            guard draft.detailsDone else { return Response.redirect(to: CitizenURL.appeal(.details).path, type: .normal) }
            return try await evidencePage(token: token, context: context)
        }
        router.post(CitizenURL.appeal(.evidence), use: upload)
        router.post(CitizenURL.appealEvidenceRemoval) { request, context in
            let (token, _) = try await load(request)
            guard let id = try context.form(EvidenceRemovalForm.self).id.flatMap(EvidenceID.init) else { throw RequestError.malformed }
            try await receiveEvidence.remove(id, fromDraft: token.key)
            return Response.redirect(to: CitizenURL.appeal(.evidence).path, type: .found)
        }
        router.get(CitizenURL.appealThumbnail(.key)) { request, context in
            let (token, _) = try await load(request)
            guard let id = context.parameters.get("id").flatMap(EvidenceID.init),
                let thumbnail = try await receiveEvidence.thumbnail(id, of: .draft(key: token.key))
            else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(thumbnail, name: "thumbnail.jpg")
        }
    }

    /// Files sent with one draft over its life, kept or removed: upload, remove, upload again cannot go on for ever.
    var draftUploadBudget: Int { 3 * receiveEvidence.limits.maxAppealBytes }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        // Checked before the body is read: no file of a draft that may not upload reaches the disk.
        let (token, loaded) = try await load(request)
        var draft = loaded
        guard draft.detailsDone else { return Response.redirect(to: CitizenURL.appeal(.details).path, type: .found) }
        guard draft.uploadedBytes < draftUploadBudget else {
            return try await evidencePage(token: token, context: context, budgetUsed: true)
        }
        let form = try await receiveEvidence.readUpload(request, context: context)
        draft.uploadedBytes += form.files.reduce(0) { $0 + $1.size }
        try await save(draft, token: token)
        let rejected = try await receiveEvidence.receive(form.files, owner: .draft(key: token.key))
        if rejected.isEmpty {
            let next =
                form.fields["action"] == "continue"
                ? (draft.contactDone ? CitizenURL.appeal(.check).path : CitizenURL.appeal(.contact).path)
                : CitizenURL.appeal(.evidence).path
            return Response.redirect(to: next, type: .found)
        }
        return try await evidencePage(token: token, context: context, rejected: rejected)
    }

    func evidencePage(
        token: DraftToken, context: AppRequestContext, rejected: [EvidencePage.RejectedFile] = [],
        budgetUsed: Bool = false
    ) async throws -> Response {
        let files = try await intake.files(of: token)
        var page = EvidencePage(
            csrf: context.csrfToken, files: files.map(EvidenceItem.init), limits: receiveEvidence.limits, rejected: rejected)
        page.budgetUsed = budgetUsed
        page.hasErrors = page.hasErrors || budgetUsed
        let failed = !rejected.isEmpty || budgetUsed
        return try pages.render("appeal/evidence", page: page, context: context, status: failed ? .unprocessableContent : .ok)
    }
}

extension ReceiveEvidence {
    /// An evidence form's body, streamed: files to the incoming folder, within the appeal's limits (its files and
    /// a few fields: no more parts than that are read). `authorize` sees the fields before any file is written.
    func readUpload(
        _ request: Request, context: AppRequestContext,
        authorize: (@Sendable ([String: String]) async throws -> Void)? = nil
    ) async throws -> MultipartUpload {
        try await MultipartUpload.read(
            request, csrfToken: context.csrfToken, incomingFile: { [storage] in try storage.incomingFile() },
            maxFileBytes: limits.maxFileBytes, maxBodyBytes: limits.maxAppealBytes + 64 * 1024,
            maxParts: limits.maxFiles + 16, authorize: authorize)
    }

    /// Each streamed file checked and kept, or named with the reason it was refused (its temporary file removed).
    func receive(_ files: [MultipartUpload.File], owner: EvidenceOwner) async throws -> [EvidencePage.RejectedFile] {
        var rejected: [EvidencePage.RejectedFile] = []
        for file in files {
            do {
                if file.tooLarge { throw EvidenceRejection.fileTooLarge(limitBytes: limits.maxFileBytes) }
                _ = try await self(file: file.url, size: file.size, originalName: file.name, owner: owner)
            } catch let rejection as EvidenceRejection {
                try? FileManager.default.removeItem(at: file.url)
                rejected.append(.init(name: ReceiveEvidence.displayName(file.name), reason: EvidenceMessages.text(for: rejection)))
            }
        }
        return rejected
    }
}

/// How evidence bytes leave the server: only sanitised copies, with a type we set, never sniffed, never cached
/// by anyone but this browser.
enum EvidenceResponse {
    static func derivedCopy(_ data: Data, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "image/jpeg", .contentDisposition: "inline; filename=\"\(name)\"",
                .cacheControl: "private, max-age=3600", .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: .init(data: data))
        )
    }
}
