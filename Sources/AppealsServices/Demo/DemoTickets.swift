import AppealsDomain
import Foundation

/// A realistic, reproducible set of tickets for a first run: varied streets, violations, amounts and plates,
/// issued over the last few weeks so that most are still inside the appeal window and some are not.
public enum DemoTickets {
    public static let streets = [
        "Main St", "Harbor Ave", "Elm St", "Cedar Rd", "Riverside Dr", "Market Sq", "Station Rd", "Oak Ln",
        "Hospital Way", "College Blvd", "Union St", "Park Pl", "Mill Rd", "Bridge St", "Garden Ter",
    ]
    public static let violations: [(code: String, text: String, cents: Int)] = [
        ("P01", "Parked in a restricted street during prescribed hours", 6500),
        ("P02", "Parked without clearly displaying a valid pay-and-display ticket", 4500),
        ("P05", "Parked after the expiry of paid-for time", 4500),
        ("P12", "Parked in a residents' permit zone without a valid permit", 6500),
        ("P16", "Parked in a suspended bay or space", 8500),
        ("P25", "Parked in a loading area during restricted hours", 8500),
        ("P40", "Parked in a disabled person's bay without a valid placard", 12000),
        ("P47", "Parked on a bus stop or stand", 12000),
        ("P48", "Parked in a school entrance area", 9500),
        ("P62", "Parked with wheels on the footway", 6500),
        ("P99", "Stopped on a pedestrian crossing", 15000),
    ]
    static let regions = ["NY", "NY", "NY", "NY", "NJ", "NJ", "CT", "PA", "MA"]

    /// The demo file as CSV text, in the enforcement system's format, `count` tickets issued before `now`.
    public static func csv(count: Int = 300, now: Date) -> String {
        var random = SeededGenerator(seed: 20_261_123)
        // Anchor to the start of the day so that re-running the demo on one day changes nothing.
        let day = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        var lines = ["ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id,towed"]
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        for index in 0..<count {
            let violation = violations[Int(random.next() % UInt64(violations.count))]
            let street = streets[Int(random.next() % UInt64(streets.count))]
            let houseNumber = 1 + Int(random.next() % 480)
            let daysAgo = Double(random.next() % 45)
            let secondsIntoDay = Double(8 * 3600 + Int(random.next() % (11 * 3600)))
            var issued = Date(timeIntervalSince1970: day - daysAgo * 86_400 + secondsIntoDay - 5 * 3600)
            // No ticket issued later than now: one of today's that would be is issued the day before (early in a UTC
            // day, a postmark entered that evening in New York was otherwise "before the ticket was issued").
            if issued > now { issued.addTimeInterval(-86_400) }
            var plate = ""
            for _ in 0..<3 { plate.append(letters[Int(random.next() % UInt64(letters.count))]) }
            plate += String(1000 + Int(random.next() % 9000))
            let towed = violation.code == "P47" || violation.code == "P99" ? random.next() % 3 == 0 : false
            let fields = [
                "RV\(String(format: "%08d", 26_000_000 + index * 7))", plate,
                regions[Int(random.next() % UInt64(regions.count))], ISO8601Timestamp.formatUTC(issued),
                "\(houseNumber) \(street)", violation.code, violation.text, String(violation.cents),
                "CEO\(100 + Int(random.next() % 40))", towed ? "true" : "false",
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ field: String) -> String {
        field.contains(",") || field.contains("\"") || field.contains("'")
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
