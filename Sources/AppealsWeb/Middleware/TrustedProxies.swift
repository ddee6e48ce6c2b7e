import Foundation

/// The reverse proxies whose `Forwarded` / `X-Forwarded-For` headers are believed (`TRUSTED_PROXIES`).
///
/// A client can write any header it likes, so the chain is read from the right: each hop was appended by the
/// proxy to its right, and the right-most address that is not one of ours is the client as far as we can vouch.
/// With no trusted proxies (the default) the headers are ignored and the socket's address is the client.
public struct TrustedProxies: Sendable, Equatable {
    let ranges: [IPRange]

    public static let none = TrustedProxies(ranges: [])

    /// "10.0.0.0/8, 192.168.1.10, ::1"; nil when an entry is not an address or range.
    public init?(parsing list: String) {
        var ranges: [IPRange] = []
        for entry in list.split(whereSeparator: { $0 == "," || $0 == " " }) where !entry.isEmpty {
            guard let range = IPRange(entry) else { return nil }
            ranges.append(range)
        }
        self.ranges = ranges
    }

    init(ranges: [IPRange]) { self.ranges = ranges }

    func trusts(_ address: IPAddress) -> Bool { ranges.contains { $0.contains(address) } }

    /// The client key of a request that came from `peer` (the socket's address) with these forwarding headers.
    public func client(peer: String?, forwarded: [String], xForwardedFor: [String]) -> String {
        guard let peerAddress = peer.flatMap({ IPAddress(Substring($0)) }) else { return peer ?? "unknown" }
        guard trusts(peerAddress) else { return peerAddress.clientKey }
        // `Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]"` (RFC 7239) when present, else X-Forwarded-For.
        let hops: [Substring] =
            if !forwarded.isEmpty {
                forwarded.flatMap { $0.split(separator: ",") }.map { element in
                    element.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("for=") }
                        .map { $0.drop { $0 != "=" }.dropFirst() } ?? ""
                }
            } else {
                xForwardedFor.flatMap { $0.split(separator: ",") }
            }
        var client = peerAddress
        for hop in hops.reversed().prefix(32) {
            // An unreadable hop ("unknown", an obfuscated name): the proxy that wrote it is the last we can vouch for.
            guard let address = IPAddress(hop) else { break }
            client = address
            if !trusts(address) { break }
        }
        return client.clientKey
    }
}
