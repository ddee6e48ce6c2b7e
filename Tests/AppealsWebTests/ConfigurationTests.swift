import AppealsApp
import Foundation
import Testing

/// Settings the portal refuses at start-up rather than run unsafely with.
@Suite("Unsafe settings are refused at start-up")
struct ConfigurationTests {
    /// Mail without TLS crosses the network in clear (citizens' names, addresses, decisions, and the SMTP password):
    /// only a mail server on this machine may be spoken to that way.
    @Test(arguments: ["mail.riverton.example", "10.0.0.5", "127.0.0.1.nip.io", "localhost.riverton.example", "2001:db8::25", "0.0.0.0"])
    func mailWithoutTLSIsRefusedForAServerThatIsNotOnThisMachine(host: String) {
        #expect(throws: AppConfiguration.Invalid.self, "\(host)") {
            try AppConfiguration.fromEnvironment(["SMTP_HOST": host, "SMTP_SECURITY": "none"])
        }
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.25", "localhost", "LOCALHOST", "::1", "[::1]"])
    func mailWithoutTLSIsAllowedToALoopbackServer(host: String) throws {
        let configuration = try AppConfiguration.fromEnvironment(["SMTP_HOST": host, "SMTP_SECURITY": "none"])
        #expect(configuration.smtp?.security == AppConfiguration.SMTPSettings.Security.none)
    }

    @Test func mailWithTLSMayGoToAnyServer() throws {
        for security in ["starttls", "implicit"] {
            let configuration = try AppConfiguration.fromEnvironment(["SMTP_HOST": "mail.riverton.example", "SMTP_SECURITY": security])
            #expect(configuration.smtp?.host == "mail.riverton.example")
        }
    }
}
