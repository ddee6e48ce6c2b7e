import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// "Write to the citizen": the words are previewed exactly as they will go (by e-mail, text or letter), then sent
/// once: the preview chose the message's id, so a second press of Send queues nothing more.
extension CaseWorkController {
    func addWritingRoutes(to routes: StaffRoutes) {
        routes.post(StaffURL.caseForm(.key, .message), roles: CaseAccess.noteTakers) { _, context, account in
            let loaded = try await visibleCase(context, account)
            _ = try permittedRole(.writeToCitizen, on: loaded, account)
            let form = try context.form(WriteToCitizenForm.self)
            let words = String((form.words ?? "").prefix(WriteToCitizen.maximumLength * 4))
            let reference = loaded.record.reference
            do {
                switch form.action {
                case "send":
                    _ = try await work.writeToCitizen.send(words, to: reference, id: form.key ?? "", by: account.id)
                    return Response.redirect(to: StaffURL.case(.value(reference)).path(fragment: "timeline"), type: .found)
                case "edit":
                    return try await casePage(loaded, account, context, .init(written: words))
                default:
                    let preview = try await work.writeToCitizen.preview(words, to: reference)
                    return try pages.render(
                        "staff/message-preview",
                        page: MessagePreviewPage(nav: nav(account, context), reference: reference, preview: preview),
                        context: context)
                }
            } catch let problem as WriteToCitizen.Problem {
                var problems = CasePage.Problems()
                switch problem {
                case .empty: problems.lettersMissing = true
                case .tooLong: problems.lettersTooLong = true
                case .noWayToReach: problems.noWayToReach = true
                }
                return try await casePage(
                    loaded, account, context, .init(problems: problems, written: words), status: .unprocessableContent)
            }
        }
    }
}

/// The words staff write to the citizen, what to do with them (preview, edit, send), and the id the preview chose.
struct WriteToCitizenForm: WebForm {
    let words: String?
    let action: String?
    let key: String?
}

/// The message as it will go, with Send and Change.
struct MessagePreviewPage: Sendable, Encodable {
    let nav: StaffNav
    let grouped: String
    let links: CaseLinks
    let words: String
    let key: String
    let byEmail: Bool
    let byText: Bool
    let byLetter: Bool
    /// The e-mail address or the mobile number it goes to.
    let address: String
    let subject: String
    let text: String
    let sms: String
    let smsCharacters: Int

    init(nav: StaffNav, reference: CaseReference, preview: WriteToCitizen.Preview) {
        self.nav = nav
        grouped = reference.grouped
        links = CaseLinks(reference)
        words = preview.written
        key = preview.id
        switch preview.route {
        case .email(let email): (byEmail, byText, byLetter, address) = (true, false, false, email)
        case .text(let mobile): (byEmail, byText, byLetter, address) = (false, true, false, mobile)
        case .letter: (byEmail, byText, byLetter, address) = (false, false, true, "")
        }
        subject = preview.words.subject
        text = preview.words.text
        sms = preview.words.sms
        smsCharacters = preview.words.sms.count
    }
}
