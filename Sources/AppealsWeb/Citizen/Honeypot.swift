/// A form field people never see or fill in (hidden by CSS and from screen readers); bots fill in everything.
enum Honeypot {
    static let field = "website"
}
