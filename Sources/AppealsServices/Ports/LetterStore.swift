import AppealsDomain
import Foundation

/// Letters and print batches. Every step moves a letter or a batch on only from the status it expects, so that
/// two instances (or two clerks) doing the same step at once do it once.
public protocol LetterStore: Sendable {
    /// Queued letters, oldest first.
    func queuedLetters(limit: Int) async throws -> [LetterRecord]
    /// Records the produced letter if it is still queued; false when another producer got there first.
    func recordProduced(_ id: LetterID, file: StoredFile, letter: ComposedLetter, at: Date) async throws -> Bool
    /// Marks a queued letter as one that cannot be produced (failed) or is not needed (cancelled), with the reason.
    func recordUnproduced(_ id: LetterID, status: LetterRecord.Status, problem: String) async throws
    func letter(_ id: LetterID) async throws -> LetterRecord?
    func letters(of reference: CaseReference) async throws -> [LetterRecord]
    /// A batch's letters in print order, a page at a time.
    func letters(inBatch id: PrintBatchID, offset: Int, limit: Int) async throws -> [LetterRecord]
    /// Letters ready to print, by kind.
    func waitingLetters() async throws -> [WaitingLetters]
    /// Letters in any of these states (failed, returned), newest first.
    func letters(in statuses: [LetterRecord.Status], limit: Int) async throws -> [LetterRecord]

    /// Creates the batch and gives it every letter ready by `cutoff`, in one transaction; its number of letters.
    func openBatch(_ id: PrintBatchID, cutoff: Date, by staff: StaffID?, at: Date) async throws -> Int
    /// A batch's letters in print order (by id), a page at a time.
    func batchLetters(_ id: PrintBatchID, after: LetterID?, limit: Int) async throws -> [BatchLetter]
    /// Records the batch's PDF and manifest; the batch is then ready to print.
    func finishBatch(_ id: PrintBatchID, pdf: StoredFile, manifest: StoredFile, pages: Int, sheets: Int) async throws
    func batch(_ id: PrintBatchID) async throws -> PrintBatch?
    /// Batches newest first, a page at a time.
    func batches(offset: Int, limit: Int) async throws -> [PrintBatch]
    /// Batches whose files were never finished (a crash between assigning letters and writing the PDF).
    func unfinishedBatches() async throws -> [PrintBatchID]
    /// Marks a ready batch and its letters printed, with each letter's timeline entry; false if it was not ready.
    /// `counted`: what it adds to the dashboard's daily counts, written with it.
    func markPrinted(
        _ id: PrintBatchID, by staff: StaffID?, at: Date, interactions: [(CaseReference, Interaction)], counted: [MeasureCount]
    ) async throws -> Bool
    /// Marks a printed batch and its letters posted on `day`, each deemed served on `deemedServed`, with the
    /// timeline entries; false if it was not printed.
    func markPosted(
        _ id: PrintBatchID, on day: LocalDate, deemedServed: LocalDate, by staff: StaffID?, interactions: [(CaseReference, Interaction)],
        counted: [MeasureCount]
    ) async throws -> Bool
    /// Records a posted letter as returned with the reason and its timeline entry; false if it was not posted.
    func recordReturned(_ id: LetterID, reason: String, at: Date, interaction: Interaction, counted: [MeasureCount]) async throws -> Bool
    /// Posted acknowledgement and decision letters whose case has not yet taken their effect.
    func postedLettersToApply(limit: Int) async throws -> [LetterRecord]
    func recordCaseUpdated(_ id: LetterID, at: Date) async throws
    /// Cases whose old one-field address could not be split into the parts the post needs (migration 0021), for a
    /// clerk to check and correct, oldest reference first.
    func addressesToCheck(limit: Int) async throws -> [CaseReference]
}
