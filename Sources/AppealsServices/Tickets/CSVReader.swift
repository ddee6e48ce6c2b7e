import Foundation

/// Streams RFC 4180 records from a file in fixed-size chunks: quoted fields (with commas, doubled quotes and
/// line breaks inside), a UTF-8 byte-order mark, CRLF, LF or CR line ends. Blank lines are skipped.
///
/// Written here rather than taken from a CSV package because the import needs three things together that the
/// packages on this machine do not give at once: memory bounded by one record (not the file), the physical line
/// number each record starts on (for the per-line report), and byte-level speed for a million rows.
public final class CSVReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEOF = false
    private var line = 1
    private let chunkSize: Int

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        self.chunkSize = chunkSize
        refill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    deinit { try? handle.close() }

    private func refill() {
        guard !atEOF else { return }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty { atEOF = true }
        buffer = Array(data)
        index = 0
    }

    @inline(__always) private func nextByte() -> UInt8? {
        if index == buffer.count {
            refill()
            if index == buffer.count { return nil }
        }
        defer { index += 1 }
        return buffer[index]
    }

    @inline(__always) private func peekByte() -> UInt8? {
        if index == buffer.count {
            refill()
            if index == buffer.count { return nil }
        }
        return buffer[index]
    }

    /// The next non-blank record, or nil at the end of the file.
    public func next() throws(CSVReadError) -> CSVRecord? {
        while true {
            guard peekByte() != nil else { return nil }
            let startLine = line
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var inQuotes = false
            var fieldStarted = false
            recordLoop: while true {
                guard let byte = nextByte() else {
                    if inQuotes { throw .unterminatedQuote(line: startLine) }
                    break recordLoop
                }
                if inQuotes {
                    switch byte {
                    case UInt8(ascii: "\""):
                        if peekByte() == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    case UInt8(ascii: "\n"):
                        line += 1
                        field.append(byte)
                    case UInt8(ascii: "\r"):
                        if peekByte() == UInt8(ascii: "\n") { index += 1 }
                        line += 1
                        field.append(UInt8(ascii: "\n"))
                    default:
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: ","):
                    fields.append(field)
                    field.removeAll(keepingCapacity: true)
                    fieldStarted = false
                case UInt8(ascii: "\n"):
                    line += 1
                    break recordLoop
                case UInt8(ascii: "\r"):
                    if peekByte() == UInt8(ascii: "\n") { index += 1 }
                    line += 1
                    break recordLoop
                case UInt8(ascii: "\"") where !fieldStarted && field.isEmpty:
                    inQuotes = true
                    fieldStarted = true
                default:
                    field.append(byte)
                    fieldStarted = true
                }
            }
            fields.append(field)
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            var strings: [String] = []
            strings.reserveCapacity(fields.count)
            for bytes in fields {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return CSVRecord(line: startLine, fields: nil)
                }
                strings.append(text)
            }
            return CSVRecord(line: startLine, fields: strings)
        }
    }
}
