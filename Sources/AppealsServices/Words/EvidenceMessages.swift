import Foundation

/// The words a citizen reads when a file is refused: what the file is, and what to do instead.
public enum EvidenceMessages {
    public static func text(for rejection: EvidenceRejection) -> String {
        switch rejection {
        case .empty:
            return "This file is empty. Please choose the photo or PDF again."
        case .fileTooLarge(let limit):
            return "This file is larger than \(megabytes(limit)). Please send a smaller photo or PDF."
        case .tooManyFiles(let limit):
            return "You can send up to \(limit) files with an appeal. Remove one to add another."
        case .appealTooLarge(let limit):
            return "Your files together would be larger than \(megabytes(limit)). Remove a file or send smaller ones."
        case .notAccepted(let type):
            return "This file is \(describe(type)). Please send a photo (JPEG, PNG or HEIC) or a PDF."
        case .tooManyPixels(let width, let height, let limit):
            return "This picture is \(width) × \(height) pixels, more than \(limit) megapixels. Please send a smaller photo."
        case .sideTooLong(let width, let height, let limit):
            return "This picture is \(width) × \(height) pixels; we take pictures up to \(limit) pixels on each side."
        case .tooManyScans:
            return "This photo is saved in a way we cannot safely open. Please send it again as an ordinary photo."
        case .tooBigToDecode:
            return "This picture is too large for us to open. Please send a smaller photo."
        case .damaged(let type):
            return type == "application/pdf"
                ? "This file says it is a PDF but it is damaged or incomplete. Please send it again."
                : "This photo is damaged or incomplete (perhaps it did not finish uploading). Please send it again."
        case .tooManyPages(let pages, let limit):
            return "This PDF has \(pages) pages; we take PDFs of up to \(limit) pages. Please send the pages that matter."
        }
    }

    static func megabytes(_ bytes: Int) -> String { bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes / 1_000) KB" }

    /// Plain words for what libmagic found.
    static func describe(_ mediaType: String) -> String {
        let known: [String: String] = [
            "text/html": "a web page",
            "application/zip": "a ZIP archive",
            "application/msword": "a Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
            "application/vnd.ms-excel": "a spreadsheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "a spreadsheet",
            "text/plain": "a text file",
            "image/gif": "a GIF image",
            "image/webp": "a WebP image",
            "image/tiff": "a TIFF image",
            "image/bmp": "a BMP image",
            "image/svg+xml": "an SVG drawing",
            "application/x-executable": "a program",
            "application/x-dosexec": "a program",
            "application/x-sharedlib": "a program",
        ]
        if let name = known[mediaType] { return name }
        if mediaType.hasPrefix("video/") { return "a video" }
        if mediaType.hasPrefix("audio/") { return "a sound recording" }
        return "a kind of file we cannot take (\(mediaType))"
    }
}
