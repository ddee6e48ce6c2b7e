import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

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
        thumbnail = CitizenURL.appealThumbnail(.value(record.id)).path
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000
            ? Catalogue.english(EvidenceWords.megabytes, ["count": String(format: "%.1f", Double(bytes) / 1_000_000)])
            : Catalogue.english(EvidenceWords.kilobytes, ["count": "\(max(1, bytes / 1_000))"])
    }
}
