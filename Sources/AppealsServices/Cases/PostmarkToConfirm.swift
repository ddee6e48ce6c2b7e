import AppealsDomain
import Foundation

/// A paper appeal whose postmark, typed by a clerk, lies long before the day it was entered: it waits in the
/// supervisors' approvals, the scanned letter beside the date, for a second person to confirm it.
public struct PostmarkToConfirm: Sendable, Equatable {
    public let reference: CaseReference
    /// The postmark as entered (the start of its day).
    public let postmark: Date
    public let enteredAt: Date
    public let enteredBy: StaffID
    public let enteredByName: String?
    /// The first file received with the appeal: the scanned letter and envelope.
    public let scan: EvidenceID?
    /// Whether the scan is a PDF (opened as a document) rather than a photo (shown as a thumbnail).
    public let scanIsDocument: Bool

    public init(
        reference: CaseReference, postmark: Date, enteredAt: Date, enteredBy: StaffID, enteredByName: String?, scan: EvidenceID?,
        scanIsDocument: Bool
    ) {
        self.scanIsDocument = scanIsDocument
        self.reference = reference
        self.postmark = postmark
        self.enteredAt = enteredAt
        self.enteredBy = enteredBy
        self.enteredByName = enteredByName
        self.scan = scan
    }
}
