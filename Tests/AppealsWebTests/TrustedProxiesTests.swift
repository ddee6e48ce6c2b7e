import AppealsApp
import AppealsWeb
import Testing

/// `Forwarded` / `X-Forwarded-For` are believed only from a trusted proxy, read from the right; IPv6 clients
/// count by /64.
@Suite("The client address behind trusted proxies")
struct TrustedProxiesTests {
    static let proxies = TrustedProxies(parsing: "10.0.0.0/8, 192.168.1.10, fd00::/8")!

    @Test(arguments: [
        // peer, Forwarded, X-Forwarded-For, client
        ("203.0.113.7", "", "198.51.100.1", "203.0.113.7"),  // not a proxy of ours: headers ignored
        ("10.1.2.3", "", "198.51.100.1", "198.51.100.1"),  // our proxy: the client it saw
        ("10.1.2.3", "", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  // a forged left-most hop is ignored
        ("10.1.2.3", "", "198.51.100.1, 10.9.9.9", "198.51.100.1"),  // two proxies of ours in a row
        ("10.1.2.3", "", "10.7.7.7, 10.9.9.9", "10.7.7.7"),  // every hop ours: the left-most
        ("10.1.2.3", "", "unknown", "10.1.2.3"),  // unreadable hop: the proxy itself
        ("10.1.2.3", "", "", "10.1.2.3"),  // no header
        ("192.168.1.10", "for=198.51.100.9;proto=https", "6.6.6.6", "198.51.100.9"),  // Forwarded wins over X-F-F
        ("192.168.1.10", "for=\"[2001:db8:cafe:1::17]:4711\"", "", "2001:db8:cafe:1::/64"),
        ("192.168.1.11", "", "198.51.100.1", "192.168.1.11"),  // a neighbour, not the proxy
        ("::ffff:10.1.2.3", "", "198.51.100.1", "198.51.100.1"),  // IPv4-mapped peer
        ("fd00::1", "", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:aaaa::1", "", "", "2001:db8:1:2::/64"),  // IPv6 peers count by /64
        ("10.1.2.3", "", "198.51.100.1:5060", "198.51.100.1"),  // a port on the hop
    ])
    func theClientIsTheRightMostUntrustedHop(peer: String, forwarded: String, xForwardedFor: String, client: String) {
        let found = Self.proxies.client(
            peer: peer, forwarded: forwarded.isEmpty ? [] : [forwarded],
            xForwardedFor: xForwardedFor.isEmpty ? [] : [xForwardedFor])
        #expect(found == client)
    }

    @Test func withNoTrustedProxiesTheSocketAddressIsTheClient() {
        #expect(TrustedProxies.none.client(peer: "10.1.2.3", forwarded: [], xForwardedFor: ["198.51.100.1"]) == "10.1.2.3")
        #expect(TrustedProxies.none.client(peer: nil, forwarded: [], xForwardedFor: []) == "unknown")
    }

    @Test(arguments: ["10.0.0.0/33", "not-an-address", "10.0.0.0/", "::1/129", "10.0.0.0/-1", "1.2.3.4/99999999999999999999"])
    func aBadProxyListIsRefused(list: String) {
        #expect(TrustedProxies(parsing: list) == nil)
    }
}
