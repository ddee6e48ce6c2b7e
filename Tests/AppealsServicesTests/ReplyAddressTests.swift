import AppealsDomain
import Testing

@testable import AppealsServices

/// The reply address names the case and the message unforgeably: made with one key, read back from the To of a
/// reply, and refused for another case, another key or a changed digit.
@Suite("A reply address names its case and message, unforgeably")
struct ReplyAddressTests {
    /// A keyed hash stand-in (FNV-1a over the key and the text, as 64 hex digits): the real one is the server
    /// key's HMAC, used by the inbound mail tests.
    struct TestHash: KeyedHash {
        let key: String
        func hex(_ text: String) async throws -> String {
            (0..<4).map { round in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(round)
                for byte in (key + "|" + text).utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
                return String(h, radix: 16).leftPadded(to: 16)
            }.joined()
        }
    }

    let reference = CaseReference(randomBits: 42)
    let other = CaseReference(randomBits: 43)
    let messageID = "0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b"
    let address = ReplyAddress(mailbox: "Appeals@Riverton.example", hash: TestHash(key: "server"))!

    @Test func theAddressReadsBackToItsMessageAndVerifiesForItsCaseOnly() async throws {
        let made = try await address.address(for: reference, message: messageID)
        #expect(made.hasPrefix("appeals+0f8e2c4a1b3d4e5f8a9b0c1d2e3f4a5b-") && made.hasSuffix("@riverton.example"))
        #expect(made.split(separator: "@")[0].count <= 64, "an address's local part is at most 64 characters")
        // A mail client may change the case of the address; the first matching recipient is read.
        let token = try #require(address.token(in: ["someone@example.org", made.uppercased()]))
        #expect(token.messageID == messageID)
        #expect(try await address.verify(token, reference: reference))
        #expect(try await !address.verify(token, reference: other))
    }

    @Test func aTokenFromAnotherKeyOrWithAChangedDigitIsRefused() async throws {
        let made = try await address.address(for: reference, message: messageID)
        let elsewhere = ReplyAddress(mailbox: "appeals@riverton.example", hash: TestHash(key: "another server"))!
        #expect(try await !elsewhere.verify(try #require(elsewhere.token(in: [made])), reference: reference))
        var changed = made
        let first = made.index(after: try #require(made.firstIndex(of: "-")))  // the hash's first digit
        changed.replaceSubrange(first...first, with: made[first] == "0" ? "1" : "0")
        #expect(try await !address.verify(try #require(address.token(in: [changed])), reference: reference))
        // Malformed tokens are read as tokens (so the message is unmatched as forged), never as a crash.
        for bad in [
            "appeals+@riverton.example", "appeals+zz-zz@riverton.example", "appeals+\(String(repeating: "a", count: 500))@riverton.example",
        ] {
            let token = try #require(address.token(in: [bad]))
            #expect(try await !address.verify(token, reference: reference))
        }
        #expect(address.token(in: ["appeals@riverton.example", "other+x@riverton.example"]) == nil)
    }

    @Test func aMailboxWithAPlusOrWithoutADomainIsNotOne() {
        #expect(ReplyAddress(mailbox: "appeals+x@riverton.example", hash: TestHash(key: "k")) == nil)
        #expect(ReplyAddress(mailbox: "appeals", hash: TestHash(key: "k")) == nil)
        #expect(ReplyAddress(mailbox: "@riverton.example", hash: TestHash(key: "k")) == nil)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
