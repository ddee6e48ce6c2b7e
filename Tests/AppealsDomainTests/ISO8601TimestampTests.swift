import AppealsDomain
import Foundation
import Testing

@Suite("Ticket times are ISO 8601 with an explicit offset")
struct ISO8601TimestampTests {
    @Test(arguments: [
        ("2026-03-03T09:15:00-05:00", 1_772_547_300.0),
        ("2026-03-03T14:15:00Z", 1_772_547_300.0),
        ("2026-03-03T14:15:00z", 1_772_547_300.0),
        ("2026-03-03 15:15:00+01:00", 1_772_547_300.0),
        ("2026-03-03T15:15:00+0100", 1_772_547_300.0),
        ("2026-03-03T14:15Z", 1_772_547_300.0),
        ("2026-03-03T14:15:00.789Z", 1_772_547_300.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func parsesInstants(text: String, epochSeconds: Double) {
        #expect(ISO8601Timestamp.parse(text) == Date(timeIntervalSince1970: epochSeconds))
    }

    @Test(arguments: [
        "2026-03-03T09:15:00",  // no offset: local time is ambiguous
        "2026-03-03", "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-03-03T24:00:00Z", "2026-03-03T10:60:00Z", "03/03/2026 09:15", "2026-03-03T09:15:00+5", "",
        "2026-03-03T09:15:00Zjunk",
    ])
    func refusesAnythingElse(text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }

    @Test(arguments: [0.0, 1_772_547_300, 951_782_400, -86_401, 4_102_444_799])
    func formatsUTCAndReadsBack(epochSeconds: Double) throws {
        let date = Date(timeIntervalSince1970: epochSeconds)
        let text = ISO8601Timestamp.formatUTC(date)
        #expect(text.hasSuffix("Z"))
        #expect(ISO8601Timestamp.parse(text) == date)
    }

    @Test func formatsTheStoredForm() {
        #expect(ISO8601Timestamp.formatUTC(Date(timeIntervalSince1970: 1_772_547_300)) == "2026-03-03T14:15:00Z")
    }
}
