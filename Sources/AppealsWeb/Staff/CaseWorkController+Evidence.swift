import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Evidence for staff: the sanitised copies to look at, PDFs and originals only as downloads (`attachment`,
/// `nosniff`), every original download recorded on the case's timeline.
extension CaseWorkController {
    static let originalReaders = CaseAccess.originalReaders

    func addEvidenceRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.evidence(.key, .thumbnail), roles: Self.caseViewers) { _, context, account in
            let record = try await visibleEvidence(context, account)
            guard let copy = record.thumbnail else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(try work.evidence.bytes(of: copy), name: "thumbnail.jpg")
        }
        routes.get(StaffURL.evidence(.key, .display), roles: Self.caseViewers) { _, context, account in
            let record = try await visibleEvidence(context, account)
            guard let copy = record.display else { throw AppError.notFound }
            return EvidenceResponse.derivedCopy(try work.evidence.bytes(of: copy), name: "photo.jpg")
        }
        routes.get(StaffURL.evidence(.key, .document), roles: Self.caseViewers) { _, context, account in
            let record = try await visibleEvidence(context, account)
            guard record.kind == .pdf else { throw AppError.notFound }
            return EvidenceResponse.attachment(
                try work.evidence.bytes(of: record.original), type: "application/pdf", name: record.originalName)
        }
        routes.get(StaffURL.evidence(.key, .original), roles: Self.originalReaders) { _, context, account in
            let record = try await visibleEvidence(context, account)
            let data = try await work.evidence.original(of: record, by: account.id)
            return EvidenceResponse.attachment(data, type: "application/octet-stream", name: record.originalName)
        }
    }

    /// A filed case's evidence, if this person may see the case.
    func visibleEvidence(_ context: AppRequestContext, _ account: StaffAccount) async throws -> EvidenceRecord {
        try await work.evidence.visibleFile(context.parameters.get("id").flatMap(EvidenceID.init), to: account)
    }
}

extension EvidenceResponse {
    /// Bytes a browser must save, never show: the original as received, or a PDF.
    static func attachment(_ data: Data, type: String, name: String) -> Response {
        let safe = String(
            name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !CharacterSet.controlCharacters.contains($0) }
                .map(Character.init))
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: "attachment; filename=\"\(safe.isEmpty ? "file" : safe)\"; filename*=UTF-8''\(encoded)",
                .cacheControl: "private, no-store", .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "default-src 'none'; sandbox",
            ],
            body: .init(byteBuffer: .init(data: data))
        )
    }
}
