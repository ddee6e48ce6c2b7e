import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16); an IPv4-mapped IPv6 address is read as the IPv4 one.
struct IPAddress: Sendable, Equatable {
    let bytes: [UInt8]

    /// "192.0.2.1", "2001:db8::1", "[2001:db8::1]:443", "192.0.2.1:8080", "\"[2001:db8::1]\"" (as in `Forwarded`).
    init?(_ raw: Substring) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1 {
            text = String(text.prefix { $0 != ":" })  // IPv4 with a port
        }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            let all = withUnsafeBytes(of: &v6) { Array($0) }
            bytes = all.prefix(10).allSatisfy { $0 == 0 } && all[10] == 0xFF && all[11] == 0xFF ? Array(all.suffix(4)) : all
        } else {
            return nil
        }
    }

    /// What per-client limits count by: an IPv4 address, or an IPv6 client's /64 (one household or phone gets a
    /// whole /64, so counting single IPv6 addresses would let one client rotate through billions).
    var clientKey: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}

/// An address or a CIDR range ("10.0.0.0/8", "2001:db8::/32", "127.0.0.1").
struct IPRange: Sendable, Equatable {
    let network: IPAddress
    let prefixLength: Int

    init?(_ text: Substring) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let address = IPAddress(first) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard let length = RequestNumber.valid(parts[1], in: 0...bits) else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        network = address
    }

    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, network.bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }
}

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
