import AppealsDomain
import AppealsServices
import AppealsWords

extension DashboardWords {
    /// The words from the catalogue (staff pages are in English).
    var text: String { Catalogue.english(self) }
}

extension AgeBucket {
    /// "8–14 days", "over 56 days".
    var text: String {
        toDays.map { Catalogue.english(DashboardWords.ageRange, ["from": "\(fromDays)", "to": "\($0)"]) }
            ?? Catalogue.english(DashboardWords.ageOver, ["days": "\(fromDays - 1)"])
    }
}
