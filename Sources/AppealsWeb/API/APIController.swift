import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// The status API for the automated phone line (IVR self-service) and other systems, as `public/openapi.yaml`
/// describes it: read-only, authenticated by the API keys administrators create, each with its scopes and rate.
/// Every look-up counts on the case's timeline as an automated phone look-up of the day.
struct APIController: Sendable {
    let pages: PageRenderer
    let lookUp: LookUpStatus
    let findCases: FindCases
    let gate: APIKeyGate
    let timeZone: TimeZone
    /// The OpenAPI document, served as it is.
    let document: Data
    let words = StatusWordsCache()

    func addRoutes(to router: RecordingRouter) {
        router.get(APIURL.openAPI) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(data: document)))
        }
        router.get(APIURL.case(.key)) { request, context in
            _ = try await gate.admit(authorization: request.headers[.authorization], scope: .statusRead, address: context.clientAddress)
            let status = try await lookUp(
                reference: context.parameters.get("reference") ?? "", plate: request.uri.queryParameters["plate"].map(String.init) ?? "",
                channel: .phone, files: false)
            return json(try caseStatus(status))
        }
        router.get(APIURL.cases) { request, context in
            // Read as sent, not as a browser's form: "+" in `phone=+12035551234` is the number's own, not a space.
            if let phone = request.uri.queryParameters["phone"].map(String.init) {
                _ = try await gate.admit(
                    authorization: request.headers[.authorization], scope: .casesByPhone, address: context.clientAddress)
                guard let (number, hits) = try await findCases.openCases(forCaller: phone) else {
                    throw APIProblem(
                        .badRequest, .invalidPhone)
                }
                for hit in hits { try await lookUp.countLookUp(hit.reference, channel: .phone) }
                return json(
                    APICallerCases(
                        phone: number,
                        cases: hits.map {
                            .init(reference: $0.reference.value, formattedReference: $0.reference.grouped, state: $0.state.rawValue)
                        }))
            }
            _ = try await gate.admit(authorization: request.headers[.authorization], scope: .statusRead, address: context.clientAddress)
            guard let ticketText = request.uri.queryParameters["ticket"].map(String.init),
                let plate = request.uri.queryParameters["plate"].map(String.init)
            else {
                throw APIProblem(.badRequest, .missingParameters)
            }
            guard let ticket = TicketNumber(ticketText) else {
                throw APIProblem(.badRequest, .invalidTicket)
            }
            // The plate is checked before any case is looked for: checked only once a ticket's cases were found, a
            // malformed plate was a 400 for an appealed ticket and a 404 for any other, which said which were appealed.
            guard PlateNumber(plate) != nil else { throw StatusLookUpProblem.invalidPlate }
            let hits = try await findCases.search.cases(matching: [.ticket(ticket)], limit: FindCases.limit)
            var statuses: [APICaseStatus] = []
            for hit in hits {
                do {
                    statuses.append(
                        try caseStatus(try await lookUp(reference: hit.reference.value, plate: plate, channel: .phone, files: false)))
                } catch StatusLookUpProblem.noMatch {}
            }
            guard !statuses.isEmpty else { throw APIProblem.notFound }
            return json(APITicketCases(cases: statuses))
        }
    }

    func caseStatus(_ status: CaseStatus) throws -> APICaseStatus {
        let (headline, text) = try words.words(for: status) {
            let script = StatusScript(status, timeZone: timeZone)
            return (
                PlainText.from(html: pages.fragment("partials/status-headline", value: script) ?? ""),
                PlainText.from(html: try pages.text("api/status-text", page: script))
            )
        }
        return APICaseStatus(status, headline: headline, text: text, timeZone: timeZone)
    }

    func json(_ value: some Encodable) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(data: APIJSON.encode(value))))
    }
}
