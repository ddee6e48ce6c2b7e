import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// The evidence step of the journey: photos and PDFs, streamed to disk, identified and sanitised, shown back as
/// thumbnails. A refused file is named with its reason; the files and answers already given stay.
extension AppealController {
    func addEvidenceRoutes(to router: Router<AppRequestContext>) {
        router.get("/appeal/evidence") { request, context in
            let (token, draft) = try await load(request)
            guard draft.detailsDone else { return Response.redirect(to: "/appeal/details", type: .normal) }
            return try await evidencePage(token: token, context: context)
        }
        router.post("/appeal/evidence", use: upload)
        router.post("/appeal/evidence/remove") { request, context in
            let (token, _) = try await load(request)
            guard let id = (context.form["id"]).flatMap(EvidenceID.init) else { throw AppError.badRequest }
            _ = try await receiveEvidence.store.removeEvidence(id, fromDraft: Self.draftKey(token))
            return Response.redirect(to: "/appeal/evidence", type: .found)
        }
        router.get("/appeal/evidence/{id}/thumbnail") { request, context in
            let (token, _) = try await load(request)
            guard let id = context.parameters.get("id").flatMap(EvidenceID.init),
                  let record = try await receiveEvidence.store.evidence(id),
                  record.draftKey == Self.draftKey(token), let thumbnail = record.thumbnail
            else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(try receiveEvidence.storage.read(thumbnail.key), name: "thumbnail.jpg")
        }
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (token, draft) = try await load(request)
        let form = try await receiveEvidence.readUpload(request, context: context)
        guard draft.detailsDone else {
            form.files.forEach { try? FileManager.default.removeItem(at: $0.url) }
            return Response.redirect(to: "/appeal/details", type: .found)
        }
        let rejected = try await receiveEvidence.receive(form.files, owner: .draft(key: Self.draftKey(token)))
        if rejected.isEmpty {
            let next = form.fields["action"] == "continue" ? (draft.contactDone ? "/appeal/check" : "/appeal/contact") : "/appeal/evidence"
            return Response.redirect(to: next, type: .found)
        }
        return try await evidencePage(token: token, context: context, rejected: rejected)
    }

    func evidencePage(token: String, context: AppRequestContext,
                      rejected: [EvidencePage.RejectedFile] = []) async throws -> Response {
        let files = try await receiveEvidence.store.evidence(forDraft: Self.draftKey(token))
        let page = EvidencePage(csrf: context.csrfToken, files: files.map(EvidenceItem.init), limits: receiveEvidence.limits, rejected: rejected)
        return try pages.render("appeal/evidence", page: page, context: context, status: rejected.isEmpty ? .ok : .unprocessableContent)
    }
}

extension ReceiveEvidence {
    /// An evidence form's body, streamed: files to the incoming folder, within the appeal's limits.
    func readUpload(_ request: Request, context: AppRequestContext) async throws -> MultipartUpload {
        try await MultipartUpload.read(request, csrfToken: context.csrfToken, storage: storage,
                                       maxFileBytes: limits.maxFileBytes, maxBodyBytes: limits.maxAppealBytes + 64 * 1024)
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
