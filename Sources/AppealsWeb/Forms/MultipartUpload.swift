import AppealsServices
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read as it arrives: small fields into memory, each file straight to a file in
/// the evidence storage's incoming folder, so an upload is never held whole in memory.
///
/// The anti-forgery token must be the first part (every upload form puts its hidden field first): a part before
/// it, or a wrong token, ends the request before any file byte is written. A route that needs more than the token
/// before it takes files (the case's reference and plate) passes `authorize`: it is called with the fields read so
/// far when the first file part begins, and no byte of any file reaches the disk before it has returned. At most
/// `maxParts` parts are read.
struct MultipartUpload {
    struct File {
        let name: String
        let url: URL
        let size: Int
        /// More bytes came than one file may have; the rest were not kept.
        let tooLarge: Bool
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    static func read(
        _ request: Request, csrfToken: String, incomingFile: @escaping @Sendable () throws -> URL, maxFileBytes: Int, maxBodyBytes: Int,
        maxParts: Int, authorize: (@Sendable ([String: String]) async throws -> Void)? = nil
    ) async throws -> MultipartUpload {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw RequestError.tooLarge(limitBytes: maxBodyBytes)
        }
        guard let type = request.headers[.contentType], let boundary = boundary(of: type) else { throw RequestError.malformed }
        let collector = Collector(
            csrfToken: csrfToken, incomingFile: incomingFile, maxFileBytes: maxFileBytes, maxParts: maxParts,
            authorized: authorize == nil)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.header($0, $1) }
        parser.onBody = { collector.body(&$0) }
        parser.onPartComplete = { collector.complete() }
        /// Between chunks: a file part has begun, so the route decides before its bytes go to disk.
        func authorizeIfAsked() async throws {
            guard collector.awaitsAuthorization, let authorize else { return }
            try await authorize(collector.upload.fields)
            collector.authorize()
            if let failure = collector.failure { throw failure }
        }
        do {
            var total = 0
            for try await chunk in request.body {
                total += chunk.readableBytes
                guard total <= maxBodyBytes else { throw RequestError.tooLarge(limitBytes: maxBodyBytes) }
                do { try parser.execute(chunk) } catch { throw RequestError.malformed }
                if let failure = collector.failure { throw failure }
                try await authorizeIfAsked()
            }
            try await authorizeIfAsked()
            guard collector.tokenChecked else { throw RequestError.forgery }
            return collector.upload
        } catch {
            collector.discard()
            throw error
        }
    }

    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// The parser's callbacks, which cannot throw: a failure is recorded and thrown after the chunk.
    private final class Collector {
        let csrfToken: String
        /// A new temporary file for an upload, in the storage's incoming folder.
        let incomingFile: () throws -> URL
        let maxFileBytes: Int
        let maxParts: Int
        var upload = MultipartUpload()
        var failure: (any Error)?
        var tokenChecked = false
        /// Files may be written; until then, file parts are held in memory (at most what one chunk brought).
        private(set) var authorized: Bool
        private var parts = 0
        /// File parts that arrived before authorisation: complete ones, and the one still arriving.
        private var held: [(name: String, bytes: [UInt8])] = []
        private var holding: [UInt8]?

        private var headers: [String: String] = [:]
        private var field: String?
        private var fileName: String?
        private var value: [UInt8] = []
        private var handle: FileHandle?
        private var url: URL?
        private var size = 0
        private var started = false

        init(csrfToken: String, incomingFile: @escaping () throws -> URL, maxFileBytes: Int, maxParts: Int, authorized: Bool) {
            self.csrfToken = csrfToken
            self.incomingFile = incomingFile
            self.maxFileBytes = maxFileBytes
            self.maxParts = maxParts
            self.authorized = authorized
        }

        var awaitsAuthorization: Bool { !authorized && failure == nil && (!held.isEmpty || holding != nil) }

        /// The route has accepted the fields: the held file parts go to disk like the rest.
        func authorize() {
            authorized = true
            for part in held {
                guard failure == nil else { return }
                openFile()
                write(part.bytes)
                closeFile(name: part.name)
            }
            held = []
            if let bytes = holding {
                holding = nil
                openFile()
                write(bytes)
            }
        }

        private func openFile() {
            do {
                let target = try incomingFile()
                guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteUnknown)
                }
                handle = try FileHandle(forWritingTo: target)
                url = target
                size = 0
            } catch {
                failure = error
            }
        }

        private func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            guard let handle else { return }
            let data = Data(bytes)
            size += data.count
            if size <= maxFileBytes { handle.write(data) }
        }

        private func closeFile(name: String) {
            guard let handle, let url else { return }
            try? handle.close()
            upload.files.append(File(name: name, url: url, size: size, tooLarge: size > maxFileBytes))
            self.handle = nil
            self.url = nil
        }

        func header(_ name: String, _ value: String) { headers[name.lowercased()] = value }

        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil else { return }
            if !started { start() }
            guard failure == nil else { return }
            if handle != nil {
                write(buffer.readableBytesView)
            } else if holding != nil {
                // Held in memory until the route authorises; past the file limit only the count matters.
                if holding!.count <= maxFileBytes { holding! += buffer.readableBytesView }
            } else if fileName == nil {
                value += buffer.readableBytesView
                if value.count > 64 * 1024 { failure = RequestError.tooLarge(limitBytes: 64 * 1024) }
            }
        }

        func complete() {
            guard failure == nil else { return }
            if !started { start() }
            guard failure == nil else { return }
            if handle != nil {
                closeFile(name: fileName ?? "")
            } else if let bytes = holding {
                held.append((fileName ?? "", bytes))
                holding = nil
            } else if let field, fileName == nil {
                // NUL bytes are dropped, as in urlencoded forms (PostgreSQL refuses them in text).
                let text = String(decoding: value.filter { $0 != 0 }, as: UTF8.self)
                if field == CSRFMiddleware.fieldName {
                    tokenChecked = CSRFMiddleware.constantTimeEqual(text, csrfToken)
                    if !tokenChecked { failure = RequestError.forgery }
                } else {
                    upload.fields[field] = text
                }
            }
            headers = [:]
            (field, fileName, value, handle, url, size, started) = (nil, nil, [], nil, nil, 0, false)
        }

        /// The part's headers are all in: decide what it is.
        private func start() {
            started = true
            parts += 1
            guard parts <= maxParts else {
                failure = RequestError.malformed
                return
            }
            let disposition = Self.parameters(headers["content-disposition"] ?? "")
            field = disposition["name"]
            fileName = disposition["filename"]
            if !tokenChecked && field != CSRFMiddleware.fieldName {
                failure = RequestError.forgery
                return
            }
            // A file input left empty still sends a part with an empty file name: nothing to keep.
            guard let fileName, !fileName.isEmpty else { return }
            if authorized { openFile() } else { holding = [] }
        }

        func discard() {
            try? handle?.close()
            for file in upload.files { try? FileManager.default.removeItem(at: file.url) }
            if let url { try? FileManager.default.removeItem(at: url) }
        }

        /// `form-data; name="evidence"; filename="IMG 1.jpg"` → ["name": "evidence", "filename": "IMG 1.jpg"].
        static func parameters(_ header: String) -> [String: String] {
            var result: [String: String] = [:]
            var rest = Substring(header)
            while let semicolon = rest.firstIndex(of: ";") {
                rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
                guard let equals = rest.firstIndex(of: "=") else { break }
                let key = rest[..<equals].lowercased().trimmingCharacters(in: .whitespaces)
                var value = rest[rest.index(after: equals)...]
                if value.first == "\"" {
                    value = value.dropFirst()
                    var text = ""
                    var index = value.startIndex
                    while index < value.endIndex, value[index] != "\"" {
                        if value[index] == "\\", value.index(after: index) < value.endIndex { index = value.index(after: index) }
                        text.append(value[index])
                        index = value.index(after: index)
                    }
                    result[key] = text
                    rest = index < value.endIndex ? value[value.index(after: index)...] : ""
                } else {
                    let end = value.firstIndex(of: ";") ?? value.endIndex
                    result[key] = value[..<end].trimmingCharacters(in: .whitespaces)
                    rest = value[end...]
                }
            }
            return result
        }
    }
}
