import AppealsServices

/// What one letter says, ready to lay out: the words come from the letter's template, the facts from the case.
public struct LetterContent: Sendable, Equatable, Codable {
    public var authorityName: String
    public var returnAddress: [String]
    public var recipientName: String
    public var recipientAddress: [String]
    /// Written out ("4 December 2026").
    public var date: String
    /// The same day as `yyyy-mm-dd`: the PDF's creation date, so that the same letter gives the same bytes.
    public var dated: String?
    /// As printed ("K7M-4QX-9TC").
    public var reference: String
    public var ticketNumber: String
    public var title: String
    public var blocks: [Block]
    /// The status page's address, for the QR code, and the short form printed beside it.
    public var statusURL: String
    public var statusShortURL: String
    public var phone: String
    /// The frame's words; a layout stored before they were kept is drawn in English.
    public var frame: LetterFrameWords?

    public typealias Block = LetterBlock

    public init(
        authorityName: String, returnAddress: [String], recipientName: String, recipientAddress: [String], date: String,
        reference: String, ticketNumber: String, title: String, blocks: [Block], statusURL: String, statusShortURL: String, phone: String,
        dated: String? = nil
    ) {
        self.dated = dated
        self.authorityName = authorityName
        self.returnAddress = returnAddress
        self.recipientName = recipientName
        self.recipientAddress = recipientAddress
        self.date = date
        self.reference = reference
        self.ticketNumber = ticketNumber
        self.title = title
        self.blocks = blocks
        self.statusURL = statusURL
        self.statusShortURL = statusShortURL
        self.phone = phone
    }
}

/// A rendered letter: the PDF's bytes and its page count.
public struct RenderedLetter: Sendable {
    public let pdf: [UInt8]
    public let pageCount: Int
}
