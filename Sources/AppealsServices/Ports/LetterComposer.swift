import AppealsDomain
import Foundation

/// Lays letters out as PDF (the `AppealsLetters` target): the words from the letter's template, the facts from the
/// case.
public protocol LetterComposer: Sendable {
    /// The letter's PDF, the exact bytes stored, previewed and printed, with the layout they were drawn from.
    func compose(_ facts: LetterFacts) throws -> ComposedLetter
    /// A print batch: one PDF written to `url` as letters are added, so that a batch of any size is streamed.
    func printBatch(writingTo url: URL) throws -> any PrintBatchWriter
}

/// One print batch's PDF in the making. Not shared between tasks.
public protocol PrintBatchWriter: AnyObject {
    /// Adds one letter from its stored layout, starting on a new sheet (a blank back page is added after a letter
    /// with an odd number of pages, for duplex printers). Returns the letter's pages.
    func add(layout: Data) throws -> Int
    /// Writes the end of the PDF; the pages written in all, blanks included.
    func finish() throws -> Int
}

/// Why a letter could not be laid out: shown in the print room's "could not be produced" list, for a clerk to put
/// right (the letter is made again once the address is corrected).
public enum LetterLayoutProblem: Error, Sendable, Equatable {
    /// The name and address, even at the smallest size, take more room than the envelope's window shows.
    case addressDoesNotFitWindow(lines: Int)

    /// What the print room says.
    public var description: String {
        switch self {
        case .addressDoesNotFitWindow(let lines):
            RecordWords.letterAddressDoesNotFitWindow.inEnglish(["lines": "\(lines)"])
        }
    }
}
