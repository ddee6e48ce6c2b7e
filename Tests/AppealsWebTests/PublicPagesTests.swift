import AppealsApp
import AppealsTestSupport
import AppealsWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The start page, health probes and static files")
struct PublicPagesTests {
    @Test func startPageNamesTheAuthorityAndTheOtherWaysToAppeal() async throws {
        var configuration = WebTest.configuration()
        configuration.authority.name = "Borough of Testford Parking"
        configuration.authority.phone = "0300 123 4567"
        try await WebTest.withApp(configuration: configuration) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<title>Appeal a parking ticket – Borough of Testford Parking</title>"))
                #expect(html.contains("0300 123 4567"))
                #expect(html.contains("within 30 days"))
                #expect(html.contains(#"<link rel="stylesheet" href="/static/css/site.css">"#))
                #expect(html.contains(#"<html lang="en">"#))
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await WebTest.withApp { client in
            for uri in ["/", "/no-such-page", "/healthz"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                }
            }
        }
    }

    @Test func theStylesheetIsServedLocally() async throws {
        try await WebTest.withApp { client in
            try await client.execute(uri: "/static/css/site.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(response.text.contains(".site-header"))
            }
        }
    }

    @Test func healthzAnswersWhileTheProcessIsUp() async throws {
        try await WebTest.withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
        }
    }

    @Test func readyzIsReadyOnlyWhenMigrationsAreApplied() async throws {
        try await WebTest.withApp { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        try await WebTest.withApp(migrated: false) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
    }
}
