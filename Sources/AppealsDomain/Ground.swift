import Foundation

/// The grounds on which a citizen appeals (docs/DOMAIN.md's default list). A citizen may raise several; the decision
/// answers each one.
public enum Ground: String, Sendable, Codable, CaseIterable, Hashable {
    case permitDisplayed = "permit_displayed"
    case paidForParking = "paid_for_parking"
    case signsUnclear = "signs_unclear"
    case vehicleStolen = "vehicle_stolen"
    case notOwner = "not_owner"
    case ticketDetailsWrong = "ticket_details_wrong"
    case vehicleBrokenDown = "vehicle_broken_down"
    case emergency
    case disabilityPlacard = "disability_placard"
    case other
}
