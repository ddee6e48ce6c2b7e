import AppealsDomain
import AppealsServices
import CCurlMail
import Foundation
import NIOPosix

/// The inbound mailbox over IMAP with libcurl (which the portal already links for SMTP): `UID SEARCH` for the
/// messages without the portal's keyword, a fetch by UID (libcurl's `;UID=n` URL; it marks the message `\Seen`,
/// which is why "stored" is a keyword of its own, not "unseen"), and `UID STORE` of the keyword once stored. The
/// requests of a poll share one connection (libcurl's: the search opens it, the fetches and the flagging reuse it,
/// and a request that fails on it is tried once more on a new one), one at a time, run on NIO's blocking-work pool.
struct CurlIMAPMailbox: InboundMailbox {
    let settings: AppConfiguration.IMAPSettings
    let session = Session()

    /// libcurl's handle, whose connection the requests share; a lock keeps them one at a time.
    final class Session: @unchecked Sendable {
        let lock = NSLock()
        let handle = curl_imap_session_new()
        deinit { curl_imap_session_free(handle) }
    }

    static let storedKeyword = "$AppealsStored"
    static let unreadableKeyword = "$AppealsUnreadable"

    struct IMAPError: Error, CustomStringConvertible {
        let code: Int32
        let detail: String
        var description: String { "IMAP: \(detail) (libcurl \(code))" }
    }

    /// The search asks for the answer as ranges (RFC 4731's ESEARCH, `UID ALL 1:9800,9802:10000`), which stays short
    /// however many messages wait: a plain `SEARCH` line of thousands of UIDs came back from libcurl with pieces
    /// missing once the server was busy (wrong UIDs, fewer of them). A server without ESEARCH gets the plain search.
    func waiting(limit: Int) async throws -> [UInt32] {
        let criteria = "UNKEYWORD \(Self.storedKeyword) UNKEYWORD \(Self.unreadableKeyword)"
        // A new connection for each poll: one kept from the last poll may not see what other sessions changed since.
        if let reply = try? await request(command: "UID SEARCH RETURN (ALL) " + criteria, fresh: true),
            let uids = Self.extendedSearchResults(String(decoding: reply, as: UTF8.self), limit: limit)
        {
            return uids
        }
        let reply = try await request(command: "UID SEARCH " + criteria, fresh: true)
        return Self.searchResults(String(decoding: reply, as: UTF8.self)).prefix(limit).map { $0 }
    }

    /// The first `limit` UIDs of `* ESEARCH (TAG "A3") UID ALL 4:19,21` (none when the line has no ALL); nil without
    /// an ESEARCH line, or with a set that is not one.
    static func extendedSearchResults(_ reply: String, limit: Int) -> [UInt32]? {
        guard let line = reply.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("* ESEARCH") }) else { return nil }
        let words = line.split(separator: " ")
        guard let all = words.firstIndex(of: "ALL") else { return [] }
        guard all + 1 < words.endIndex else { return nil }
        var uids: [UInt32] = []
        for range in words[all + 1].split(separator: ",") {
            let ends = range.split(separator: ":").map { UInt32($0) }
            guard let first = ends.first ?? nil, let last = ends.last ?? nil, ends.count <= 2 else { return nil }
            for uid in min(first, last)...max(first, last) {
                guard uids.count < limit else { return uids }
                uids.append(uid)
            }
        }
        return uids
    }

    func message(_ uid: UInt32) async throws -> [UInt8] {
        try await request(url: settings.url + ";UID=\(uid)", command: nil, maxBytes: InboundEmail.maximumSize + 1)
    }

    func flag(_ uids: [UInt32], stored: Bool) async throws {
        guard !uids.isEmpty else { return }
        let set = uids.map(String.init).joined(separator: ",")
        _ = try await request(command: "UID STORE \(set) +FLAGS (\(stored ? Self.storedKeyword : Self.unreadableKeyword))")
    }

    /// The UIDs of `* SEARCH 1 2 3` (other untagged lines, such as a new keyword's `* FLAGS`, are skipped), in order.
    static func searchResults(_ reply: String) -> [UInt32] {
        reply.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("* SEARCH") }
            .flatMap { $0.split(separator: " ").dropFirst(2).compactMap { UInt32($0) } }.sorted()
    }

    /// One request on the session's connection; when that fails, once more on a new connection (the kept one may
    /// have been closed by the server, or be in a state libcurl misreads), which the session keeps from then on.
    func request(url: String? = nil, command: String?, maxBytes: Int = 1_048_576, fresh: Bool = false) async throws -> [UInt8] {
        let (settings, session) = (settings, session)
        let target = url ?? settings.url
        return try await NIOThreadPool.singleton.runIfActive {
            session.lock.lock()
            defer { session.lock.unlock() }
            func attempt(fresh: Bool) throws -> [UInt8] {
                var error = [CChar](repeating: 0, count: 512)
                var body: UnsafeMutablePointer<CChar>?
                var length = 0
                let code = curl_imap_request(
                    session.handle, fresh ? 1 : 0, target, settings.requireTLS ? 1 : 0, settings.username, settings.password, command,
                    settings.timeoutSeconds, maxBytes, &body, &length, &error, error.count)
                defer { curl_imap_free(body) }
                guard code == 0 else {
                    throw IMAPError(
                        code: code, detail: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                return body.map { pointer in
                    pointer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
                } ?? []
            }
            do {
                return try attempt(fresh: fresh)
            } catch  where !fresh {
                return try attempt(fresh: true)
            }
        }
    }
}
