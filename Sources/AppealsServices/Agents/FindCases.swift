import AppealsDomain
import Foundation

/// The phone agent's one search box and the telephony system's screen pop: whatever the caller reads out, read
/// every way it could be meant, searched through indexes, ranked.
public struct FindCases: Sendable {
    public let search: any CaseSearch
    /// The calling code a number typed without "+" is read in (`DEFAULT_CALLING_CODE`).
    public let defaultCallingCode: String
    /// The most results one search shows: enough for a caller with many cases, few enough to read down on the phone
    /// (a common surname says "add a first name or the plate" instead of a long list). Each row costs the page
    /// about 60 µs of rendering and reading on this machine: at 25 a common surname's p99 was 29 ms over a million
    /// cases, beyond the 20 ms a waiting caller is promised.
    public static let limit = 10

    public init(search: any CaseSearch, defaultCallingCode: String) {
        self.search = search
        self.defaultCallingCode = defaultCallingCode
    }

    /// What a search found.
    public struct Found: Sendable, Equatable {
        public let readings: [SearchQuery]
        /// Ranked: the case whose reference was typed, then open cases, then the newest.
        public let hits: [CaseSearchHit]
        /// The text was a case reference with a typo (its check character does not match); `hits` are the cases
        /// one mistyped character or one swap away.
        public let referenceTypo: Bool

        public init(readings: [SearchQuery], hits: [CaseSearchHit], referenceTypo: Bool) {
            self.readings = readings
            self.hits = hits
            self.referenceTypo = referenceTypo
        }
    }

    public func callAsFunction(_ text: String) async throws -> Found {
        let readings = SearchQuery.readings(of: text, defaultCallingCode: defaultCallingCode)
        let hits = readings.isEmpty ? [] : try await search.cases(matching: readings, limit: Self.limit)
        let typo = readings.contains { if case .mistypedReference = $0 { true } else { false } }
        return Found(readings: readings, hits: Self.ranked(hits), referenceTypo: typo)
    }

    /// The open cases for a caller's number (nil when it is not a phone number).
    public func openCases(forCaller number: String) async throws -> (e164: String, hits: [CaseSearchHit])? {
        guard let mobile = MobileNumber(number, defaultCallingCode: defaultCallingCode) else { return nil }
        let hits = try await search.cases(matching: [.phone(mobile.e164)], limit: Self.limit)
        return (mobile.e164, Self.ranked(hits.filter { ![.closed, .withdrawn, .deemedAccepted].contains($0.state) }))
    }

    static func ranked(_ hits: [CaseSearchHit]) -> [CaseSearchHit] {
        hits.sorted { a, b in
            func exact(_ hit: CaseSearchHit) -> Bool { if case .reference = hit.matchedBy { true } else { false } }
            if exact(a) != exact(b) { return exact(a) }
            if a.state.isUndecided != b.state.isUndecided { return a.state.isUndecided }
            if a.receivedAt != b.receivedAt { return a.receivedAt > b.receivedAt }
            return a.reference < b.reference
        }
    }
}
