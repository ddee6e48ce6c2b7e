import AppealsServices

/// What a citizen reads when a file is refused: what the file is, and what to do instead.
public enum EvidenceWords: String, MessageKey, CaseIterable {
    case empty, fileTooLarge, tooManyFiles, appealTooLarge, notAccepted, tooManyPixels, sideTooLong, tooManyScans, tooBigToDecode
    case damagedPDF, damagedPhoto, tooManyPages
    case megabytes, kilobytes
    case webPage, zip, wordDocument, spreadsheet, textFile, gif, webp, tiff, bmp, svg, program, video, sound, unknownType

    public var key: String { "evidence." + rawValue }

    public var english: String {
        switch self {
        case .empty: "This file is empty. Please choose the photo or PDF again."
        case .fileTooLarge: "This file is larger than {limit}. Please send a smaller photo or PDF."
        case .tooManyFiles: "You can send up to {limit} files with an appeal. Remove one to add another."
        case .appealTooLarge: "Your files together would be larger than {limit}. Remove a file or send smaller ones."
        case .notAccepted: "This file is {type}. Please send a photo (JPEG, PNG or HEIC) or a PDF."
        case .tooManyPixels: "This picture is {width} × {height} pixels, more than {limit} megapixels. Please send a smaller photo."
        case .sideTooLong: "This picture is {width} × {height} pixels; we take pictures up to {limit} pixels on each side."
        case .tooManyScans: "This photo is saved in a way we cannot safely open. Please send it again as an ordinary photo."
        case .tooBigToDecode: "This picture is too large for us to open. Please send a smaller photo."
        case .damagedPDF: "This file says it is a PDF but it is damaged or incomplete. Please send it again."
        case .damagedPhoto: "This photo is damaged or incomplete (perhaps it did not finish uploading). Please send it again."
        case .tooManyPages: "This PDF has {pages} pages; we take PDFs of up to {limit} pages. Please send the pages that matter."
        case .megabytes: "{count} MB"
        case .kilobytes: "{count} KB"
        case .webPage: "a web page"
        case .zip: "a ZIP archive"
        case .wordDocument: "a Word document"
        case .spreadsheet: "a spreadsheet"
        case .textFile: "a text file"
        case .gif: "a GIF image"
        case .webp: "a WebP image"
        case .tiff: "a TIFF image"
        case .bmp: "a BMP image"
        case .svg: "an SVG drawing"
        case .program: "a program"
        case .video: "a video"
        case .sound: "a sound recording"
        case .unknownType: "a kind of file we cannot take ({type})"
        }
    }
}
