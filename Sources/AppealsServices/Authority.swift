import Foundation

/// The authority running the portal: its name, phone line and address (on every page and letter), its time zone
/// (business days, dates people read), the country calling code of mobile numbers typed without "+", and the
/// appeal window.
public struct Authority: Sendable {
    public var name = "City of Riverton Parking Services"
    public var phone = "(555) 010-4477"
    public var postalAddress = "Parking Appeals, PO Box 4100, Riverton, RV 20500"
    public var timeZone = "America/New_York"
    /// Mobile numbers typed without "+" are read in this country (calling code without "+").
    public var callingCode = "1"
    /// Appeals after this many days from the ticket's issue are accepted but flagged late.
    public var appealWindowDays = 30
    /// A postmark more than this many days before the day a clerk enters the appeal needs a supervisor to confirm it.
    public var postmarkReviewDays = 5
    /// No appeal is deemed accepted before it has been open to review for this many business days after its entry.
    public var minimumReviewDays = 2
    /// Where citizens reach the portal: the QR code and short link on every letter lead to its status page.
    public var publicURL = "https://appeals.riverton.example"
    /// Days from a decision letter's date to pay what is due.
    public var paymentDays = 28
    /// The early-payment discount: its period from the ticket's issue and its rate, and for how long it is offered
    /// again after an upheld decision on an appeal filed inside that period (docs/DOMAIN.md).
    public var discountDays = 14
    public var discountPercent = 50
    public var discountReofferDays = 14
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }
    public init() {}
}
