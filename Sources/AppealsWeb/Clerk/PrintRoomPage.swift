import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The print room: letters waiting to print by kind and age, letters that could not be produced, and the batches.
struct PrintRoomPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let waiting: [Waiting]
    let totalWaiting: Int
    let noneWaiting: Bool
    /// The cut-off field's value: now, in the authority's time zone.
    let until: String
    var untilError: String?
    var nothingToBatch = false
    let failed: [Failed]
    let hasFailed: Bool
    /// Old addresses that could not be split into the parts the post needs: a clerk checks each on its case.
    var addressesToCheck: [Reference] = [] { didSet { hasAddressesToCheck = !addressesToCheck.isEmpty } }
    private(set) var hasAddressesToCheck = false
    let batches: [BatchRow]
    let noBatches: Bool
    let pager: Pager

    struct Waiting: Sendable, Encodable {
        let kind: Label
        let count: Int
        let oldest: String
    }

    struct Reference: Sendable, Encodable {
        let value: String
        let grouped: String
        /// The case page at its contact details.
        let link: String
    }

    struct Failed: Sendable, Encodable {
        let reference: String
        let referenceValue: String
        let link: String
        let kind: Label
        let problem: String
        let queued: String
    }

    struct BatchRow: Sendable, Encodable {
        let id: String
        let link: String
        let created: String
        let letters: Int
        let pages: String
        let sheets: String
        let status: String
    }

    struct Pager: Sendable, Encodable {
        let page: Int
        let previous: Int?
        let next: Int?
        let shown: Bool
    }
}

/// One print batch: its facts, its files, the next step, and its letters.
struct PrintBatchPage: Sendable, Encodable {
    let nav: StaffNav
    let csrf: String
    let id: String
    /// The batch's page, its files and its forms.
    let link, pdf, manifest, printed, posting: String
    let created: String
    let cutoff: String
    let status: String
    let letterCount: Int
    let pages: String
    let sheets: String
    let sha256: String
    let canPrint: Bool
    let canPost: Bool
    let posted: String?
    let today: String
    var postedOnError: String?
    var notice: String?
    let letters: [Letter]
    let returnReasons: [Reason]
    let pager: PrintRoomPage.Pager

    struct Letter: Sendable, Encodable {
        let id: String
        let reference: String
        let referenceValue: String
        /// The letter's case, its file, and its forms.
        let caseLink, pdf, reprint, returnForm: String
        let kind: Label
        let recipient: String
        let pages: Int
        let status: String
        let canReturn: Bool
        let returned: String?
    }

    struct Reason: Sendable, Encodable {
        let code: String
        let text: String
    }
}

/// Why mail comes back, as the post office marks it.
enum ReturnReason: String, CaseIterable {
    case notKnown = "not_known"
    case moved
    case insufficientAddress = "insufficient_address"
    case refused
    case other

    var text: String {
        let key: ClerkWords =
            switch self {
            case .notKnown: .returnNotKnown
            case .moved: .returnMoved
            case .insufficientAddress: .returnInsufficientAddress
            case .refused: .returnRefused
            case .other: .returnOther
            }
        return Catalogue.english(key)
    }
}

extension LetterRecord.Status {
    /// As the print room says it.
    var text: String {
        let key: ClerkWords =
            switch self {
            case .queued: .letterQueued
            case .ready: .letterReady
            case .batched: .letterBatched
            case .printed: .letterPrinted
            case .posted: .letterPosted
            case .returned: .letterReturned
            case .failed: .letterFailed
            case .cancelled: .letterCancelled
            }
        return Catalogue.english(key)
    }
}

extension PrintBatch.Status {
    var text: String {
        let key: ClerkWords =
            switch self {
            case .creating: .batchCreating
            case .ready: .batchReady
            case .printed: .batchPrinted
            case .posted: .batchPosted
            }
        return Catalogue.english(key)
    }
}
