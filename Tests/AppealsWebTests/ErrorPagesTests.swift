import AppealsServices
import AppealsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AppealsWeb

@Suite("Errors become friendly pages in one place")
struct ErrorPagesTests {
    @Test func anUnknownAddressGetsTheNotFoundPageInTheSiteLayout() async throws {
        try await WebTest.withApp { client in
            try await client.execute(uri: "/appeal/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<h1>Page not found</h1>"))
                #expect(response.text.contains("City of Riverton Parking Services"))
            }
        }
    }

    struct Secret: Error, CustomStringConvertible { var description: String { "password=hunter2 at db.internal" } }

    /// A router with the real error middleware and routes that fail in each way.
    func withFailingRoutes(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let pages = try await PageRenderer(
            templatesFolder: WebTest.configuration().templatesFolder, authority: Authority()
        )
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.get("/bug") { _, _ -> String in throw Secret() }
        router.get("/bad") { _, _ -> String in throw RequestError.malformed }
        router.get("/big") { _, _ -> String in throw RequestError.tooLarge(limitBytes: 15_000_000) }
        router.get("/slow-down") { _, _ -> String in throw AppError.tooManyAttempts(retryAfterSeconds: 90) }
        router.get("/forged") { _, _ -> String in throw RequestError.forgery }
        router.post("/upload") { request, context -> String in
            _ = try await request.body.collect(upTo: 1 << 20)
            return "ok"
        }
        try await Application(router: router).test(.router, body)
    }

    @Test func aServerErrorShowsTheRequestIDButNeverTheErrorText() async throws {
        try await withFailingRoutes { client in
            try await client.execute(uri: "/bug", method: .get) { response in
                #expect(response.status == .internalServerError)
                let html = response.text
                #expect(!html.contains("hunter2"))
                #expect(!html.contains("db.internal"))
                #expect(html.contains("Sorry, something went wrong on our side"))
                let id = try #require(html.firstMatch(of: /class="reference">([0-9a-f]{16,})</))
                #expect(!id.1.isEmpty)
            }
        }
    }

    @Test func typedErrorsMapToTheirStatusAndPage() async throws {
        try await withFailingRoutes { client in
            try await client.execute(uri: "/bad", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("could not understand that request"))
            }
            try await client.execute(uri: "/big", method: .get) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("The limit is 15 MB."))
            }
            try await client.execute(uri: "/slow-down", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "90")
                #expect(response.text.contains("try again in 90 seconds"))
            }
            try await client.execute(uri: "/forged", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("This form has expired"))
            }
        }
    }

    @Test func aBodyOverTheLimitGetsTheTooLargePage() async throws {
        try await withFailingRoutes { client in
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
            try await client.execute(uri: "/upload", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("That upload is too large"))
            }
        }
    }
}
