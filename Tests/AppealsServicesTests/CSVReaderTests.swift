import Foundation
import Testing

@testable import AppealsServices

@Suite("The CSV reader streams records with the line each starts on")
struct CSVReaderTests {
    func records(_ bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVReader(path: url.path, chunkSize: chunkSize)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        try records(Array(text.utf8), chunkSize: chunkSize)
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func readsQuotedFieldsAcrossChunkBoundaries(chunkSize: Int) throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n"
        #expect(
            try records(text, chunkSize: chunkSize) == [
                CSVRecord(line: 1, fields: ["a", "b", "c"]),
                CSVRecord(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
                CSVRecord(line: 4, fields: ["last", "", ""]),
            ])
    }

    @Test func skipsByteOrderMarkAndHandlesCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("h1,h2\r\nv1,v2\r\n\r\nv3,\"q\r\nr\"\r\n".utf8)
        #expect(
            try records(bytes) == [
                CSVRecord(line: 1, fields: ["h1", "h2"]),
                CSVRecord(line: 2, fields: ["v1", "v2"]),
                CSVRecord(line: 4, fields: ["v3", "q\nr"]),
            ])
    }

    @Test func handlesOldMacLineEndsAndAMissingFinalNewline() throws {
        #expect(
            try records("a\rb\rc") == [
                CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"]), CSVRecord(line: 3, fields: ["c"]),
            ])
    }

    @Test func skipsBlankLinesButCountsThem() throws {
        #expect(try records("a\n\n\nb\n") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])])
    }

    @Test func reportsAnUnterminatedQuoteWithTheLineItOpensOn() throws {
        #expect(throws: CSVReadError.unterminatedQuote(line: 2)) { try records("a,b\n\"open,b\nmore\n") }
    }

    @Test func marksInvalidUTF8RecordsWithoutStopping() throws {
        let bytes = Array("a\n".utf8) + [0xFF, 0xFE, 0x0A] + Array("c\n".utf8)
        #expect(
            try records(bytes) == [
                CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: nil), CSVRecord(line: 3, fields: ["c"]),
            ])
    }

    @Test func readsUnicodeText() throws {
        #expect(try records("Nguyễn Thị Ánh,Łukasz Żółć\n") == [CSVRecord(line: 1, fields: ["Nguyễn Thị Ánh", "Łukasz Żółć"])])
    }
}
