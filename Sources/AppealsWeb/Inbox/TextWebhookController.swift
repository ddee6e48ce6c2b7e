import AppealsServices
import AppealsWords
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /webhooks/sms`: the SMS provider's calls, with a citizen's text or a delivery receipt for one of ours.
/// Each request must carry the provider's signature over the URL it called and its parameters (403 otherwise);
/// the URL is this portal's public address (`PUBLIC_URL`) with the path and query as called, since a proxy in
/// front may change the host. The answer is TwiML: empty, or the HELP reply as a text back to the sender.
struct TextWebhookController: Sendable {
    let texts: WebUseCases.Texts?
    let publicURL: String
    let authority: Authority

    static let bodyLimit = 64 * 1024
    static let signatureHeader = HTTPField.Name("X-Twilio-Signature")!

    func addRoutes(to router: RecordingRouter) {
        router.post(ServiceURL.smsWebhook) { request, _ in
            guard let texts else { throw HTTPError(.notFound) }
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: Self.bodyLimit))
            guard let parameters = Self.parameters(body) else { return Response(status: .badRequest) }
            let url = publicURL + request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            guard let signature = request.headers[Self.signatureHeader],
                texts.signature.verify(signature, url: url, parameters: parameters)
            else { return Response(status: .forbidden) }
            let value = { (name: String) in parameters.first { $0.name == name }?.value }
            // A receipt: the provider's status of one of our texts, named by the callback URL we gave it.
            if let status = value("MessageStatus"), value("Body") == nil {
                if let outbox = request.uri.queryParameters["outbox"].map(String.init), outbox.count <= 64 {
                    try await texts.receive.receipt(outboxID: outbox, status: status, errorCode: value("ErrorCode"))
                }
                return Self.twiml(nil)
            }
            guard let id = value("MessageSid") ?? value("SmsSid"), let from = value("From"), let text = value("Body") else {
                return Response(status: .badRequest)
            }
            switch try await texts.receive(.init(providerID: id, from: from, body: text)) {
            case .help: return Self.twiml(Catalogue.english(TextWords.helpReply, ["authority": authority.name, "phone": authority.phone]))
            case .started: return Self.twiml(Catalogue.english(TextWords.startReply, ["authority": authority.name]))
            // Another delivery of the same text is being received right now: the provider tries again later.
            case .busy: return Response(status: .serviceUnavailable, headers: [.retryAfter: "60"])
            default: return Self.twiml(nil)
            }
        }
    }

    /// The form's parameters in order, decoded (`+` is a space); nil when the body is not a urlencoded form.
    static func parameters(_ body: String) -> [(name: String, value: String)]? {
        var parameters: [(name: String, value: String)] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : ""), !name.contains("\0"),
                !value.contains("\0")
            else { return nil }
            parameters.append((name, value))
        }
        return parameters
    }

    /// A TwiML answer: nothing to send back, or one text to the sender.
    static func twiml(_ reply: String?) -> Response {
        let message = reply.map { "<Message>\(Self.escaped($0))</Message>" } ?? ""
        return Response(
            status: .ok, headers: [.contentType: "application/xml; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\(message)</Response>")))
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
