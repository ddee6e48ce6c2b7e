import AppealsServices
import CCurlMail
import Foundation
import NIOPosix

/// Email over SMTP with libcurl (STARTTLS, credentials; a well-kept client rather than SMTP written here). Each
/// message is one connection, run on NIO's blocking-work pool so that no request thread waits for a mail server.
struct CurlEmailTransport: EmailTransport {
    let settings: AppConfiguration.SMTPSettings
    let domain: String

    func send(_ message: EmailMessage) async throws {
        // `SMTP_SECURITY=none` is refused at start-up for any other server; a configuration made in code is held to it too.
        guard settings.security != .none || AppConfiguration.SMTPSettings.isLoopback(settings.host) else {
            throw DeliveryError(permanent: false, detail: "mail without TLS is only sent to a server on this machine")
        }
        let data = message.rfc5322(domain: domain)
        let settings = settings
        let recipient = "<\(message.to)>"
        let from = "<\(Self.address(message.from))>"
        let scheme = settings.security == .implicit ? "smtps" : "smtp"
        let url = "\(scheme)://\(settings.host):\(settings.port)"
        let (code, reply, detail) = try await NIOThreadPool.singleton.runIfActive { () -> (Int32, Int, String) in
            var error = [CChar](repeating: 0, count: 512)
            var reply = 0
            let code = data.withCString { bytes in
                curl_smtp_send(
                    url, settings.security == .startTLS ? 1 : 0, settings.username, settings.password, from, recipient, bytes,
                    strlen(bytes), Int(settings.timeoutSeconds), &error, error.count, &reply)
            }
            return (code, reply, String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        guard code == 0 else {
            // 5xx: the server refused for good (no such mailbox); anything else may pass on a later try.
            throw DeliveryError(permanent: (500..<600).contains(reply), detail: "SMTP \(reply == 0 ? "" : "\(reply) ")\(detail)")
        }
    }

    /// "Riverton Parking <appeals@riverton.example>" → "appeals@riverton.example".
    static func address(_ from: String) -> String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }
}

/// Email written to a folder as .eml files instead of sent: the default when no SMTP server is configured, so that
/// the demo's messages can be read. Readable by the portal's user only (``PrivateFiles``).
struct FolderEmailTransport: EmailTransport {
    let folder: URL
    let domain: String

    func send(_ message: EmailMessage) async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PrivateFiles.write(Data(message.rfc5322(domain: domain).utf8), to: folder.appendingPathComponent("\(message.id).eml"))
    }
}

/// Text messages appended to a file, one JSON object a line: the provider protocol's one implementation while no
/// provider is reachable from here (a real one is a `TextMessageProvider` of a few lines).
struct FileTextMessages: TextMessageProvider {
    let file: URL
    private static let lock = NSLock()

    func send(to number: String, body: String, id: String) async throws {
        let line =
            try JSONSerialization.data(
                withJSONObject: ["id": id, "to": number, "body": body], options: [.sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
        try Self.lock.withLock {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try PrivateFiles.append(line, to: file)  // readable by the portal's user only
        }
    }
}
