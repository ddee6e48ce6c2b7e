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
