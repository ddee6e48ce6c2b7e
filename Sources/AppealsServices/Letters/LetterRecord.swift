import AppealsDomain
import Foundation

/// One letter as stored: queued by a workflow effect, then produced, printed, posted (or returned).
public struct LetterRecord: Sendable, Equatable {
    public let id: LetterID
    public let reference: CaseReference
    public let kind: LetterKind
    public let status: Status
    public let queuedAt: Date
    public let producedAt: Date?
    /// The stored PDF, once produced.
    public let file: StoredFile?
    public let pages: Int?
    public let templateVersion: String?
    public let recipient: String?
    public let batchID: PrintBatchID?
    public let postedOn: LocalDate?
    public let deemedServedOn: LocalDate?
    public let returnedAt: Date?
    public let returnReason: String?
    /// Why it could not be produced.
    public let problem: String?
    /// The facts of the event that queued it (nil for a letter queued without them: it states the case as it is).
    public var snapshot: LetterSnapshot? = nil

    public enum Status: String, Sendable, CaseIterable {
        case queued, ready, batched, printed, posted, returned, failed
        /// Not needed after all (an acknowledgement for a case acknowledged already).
        case cancelled
    }

    public init(
        id: LetterID, reference: CaseReference, kind: LetterKind, status: Status, queuedAt: Date, producedAt: Date?, file: StoredFile?,
        pages: Int?, templateVersion: String?, recipient: String?, batchID: PrintBatchID?, postedOn: LocalDate?,
        deemedServedOn: LocalDate?, returnedAt: Date?, returnReason: String?, problem: String?
    ) {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.status = status
        self.queuedAt = queuedAt
        self.producedAt = producedAt
        self.file = file
        self.pages = pages
        self.templateVersion = templateVersion
        self.recipient = recipient
        self.batchID = batchID
        self.postedOn = postedOn
        self.deemedServedOn = deemedServedOn
        self.returnedAt = returnedAt
        self.returnReason = returnReason
        self.problem = problem
    }
}

/// Letters ready to print, of one kind, with the oldest's production time.
public struct WaitingLetters: Sendable, Equatable {
    public let kind: LetterKind
    public let count: Int
    public let oldest: Date
    public init(kind: LetterKind, count: Int, oldest: Date) {
        self.kind = kind
        self.count = count
        self.oldest = oldest
    }
}

/// One letter of a print batch, as the batch's PDF and manifest need it.
public struct BatchLetter: Sendable {
    public let id: LetterID
    public let reference: CaseReference
    public let kind: LetterKind
    public let recipient: String
    public let layout: Data
    public init(id: LetterID, reference: CaseReference, kind: LetterKind, recipient: String, layout: Data) {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.recipient = recipient
        self.layout = layout
    }
}

/// A print batch: the letters ready up to its cut-off, in one PDF with a CSV manifest.
public struct PrintBatch: Sendable, Equatable {
    public let id: PrintBatchID
    public let status: Status
    public let cutoff: Date
    public let createdAt: Date
    public let createdBy: StaffID?
    public let letters: Int
    public let pages: Int?
    public let sheets: Int?
    public let pdf: StoredFile?
    public let manifestKey: String?
    public let printedAt: Date?
    public let postedOn: LocalDate?

    public enum Status: String, Sendable, CaseIterable { case creating, ready, printed, posted }

    public init(
        id: PrintBatchID, status: Status, cutoff: Date, createdAt: Date, createdBy: StaffID?, letters: Int, pages: Int?, sheets: Int?,
        pdf: StoredFile?, manifestKey: String?, printedAt: Date?, postedOn: LocalDate?
    ) {
        self.id = id
        self.status = status
        self.cutoff = cutoff
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.letters = letters
        self.pages = pages
        self.sheets = sheets
        self.pdf = pdf
        self.manifestKey = manifestKey
        self.printedAt = printedAt
        self.postedOn = postedOn
    }
}
