import AppealsDomain
import AppealsServices
import Foundation

// View models of the staff workspace: stored properties only; the words are in templates/staff/.

/// A ground with one flag per ground, so that its label lives in templates/partials/ground-label.mustache.
struct GroundLabel: Sendable, Encodable {
    let code: String
    let permitDisplayed, paidForParking, signsUnclear, vehicleStolen, notOwner, ticketDetailsWrong, vehicleBrokenDown,
        emergency, disabilityPlacard, other: Bool

    init(_ g: Ground) {
        code = g.rawValue
        permitDisplayed = g == .permitDisplayed
        paidForParking = g == .paidForParking
        signsUnclear = g == .signsUnclear
        vehicleStolen = g == .vehicleStolen
        notOwner = g == .notOwner
        ticketDetailsWrong = g == .ticketDetailsWrong
        vehicleBrokenDown = g == .vehicleBrokenDown
        emergency = g == .emergency
        disabilityPlacard = g == .disabilityPlacard
        other = g == .other
    }
}
