import AppealsServices

/// The words a citizen reads when a file is refused (``EvidenceWords``), from the refusal's facts.
public enum EvidenceMessages {
    public static func text(for rejection: EvidenceRejection, in words: Catalogue = .english) -> String {
        switch rejection {
        case .empty: words(EvidenceWords.empty)
        case .fileTooLarge(let limit): words(EvidenceWords.fileTooLarge, ["limit": size(limit, words)])
        case .tooManyFiles(let limit): words(EvidenceWords.tooManyFiles, ["limit": "\(limit)"])
        case .appealTooLarge(let limit): words(EvidenceWords.appealTooLarge, ["limit": size(limit, words)])
        case .notAccepted(let type): words(EvidenceWords.notAccepted, ["type": describe(type, words)])
        case .tooManyPixels(let width, let height, let limit):
            words(EvidenceWords.tooManyPixels, ["width": "\(width)", "height": "\(height)", "limit": "\(limit)"])
        case .sideTooLong(let width, let height, let limit):
            words(EvidenceWords.sideTooLong, ["width": "\(width)", "height": "\(height)", "limit": "\(limit)"])
        case .tooManyScans: words(EvidenceWords.tooManyScans)
        case .tooBigToDecode: words(EvidenceWords.tooBigToDecode)
        case .damaged(let type): words(type == "application/pdf" ? EvidenceWords.damagedPDF : EvidenceWords.damagedPhoto)
        case .tooManyPages(let pages, let limit): words(EvidenceWords.tooManyPages, ["pages": "\(pages)", "limit": "\(limit)"])
        }
    }

    static func size(_ bytes: Int, _ words: Catalogue) -> String {
        bytes >= 1_000_000
            ? words(EvidenceWords.megabytes, ["count": "\(bytes / 1_000_000)"])
            : words(EvidenceWords.kilobytes, ["count": "\(bytes / 1_000)"])
    }

    static let known: [String: EvidenceWords] = [
        "text/html": .webPage, "application/zip": .zip, "application/msword": .wordDocument,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": .wordDocument,
        "application/vnd.ms-excel": .spreadsheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": .spreadsheet,
        "text/plain": .textFile, "image/gif": .gif, "image/webp": .webp, "image/tiff": .tiff, "image/bmp": .bmp, "image/svg+xml": .svg,
        "application/x-executable": .program, "application/x-dosexec": .program, "application/x-sharedlib": .program,
    ]

    /// Plain words for what libmagic found.
    static func describe(_ mediaType: String, _ words: Catalogue) -> String {
        if let name = known[mediaType] { return words(name) }
        if mediaType.hasPrefix("video/") { return words(EvidenceWords.video) }
        if mediaType.hasPrefix("audio/") { return words(EvidenceWords.sound) }
        return words(EvidenceWords.unknownType, ["type": mediaType])
    }
}
