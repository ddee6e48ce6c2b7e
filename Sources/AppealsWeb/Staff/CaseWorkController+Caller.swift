import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// What staff do for a caller on the case page: log the call, mark the citizen vulnerable, correct their contact
/// details, and withdraw or ask for a hearing at their request.
extension CaseWorkController {
    func addCallerRoutes(to routes: StaffRoutes) {
        routes.post(StaffURL.caseForm(.key, .call), roles: CaseAccess.callTakers) { _, context, account in
            let loaded = try await visibleCase(context, account)
            guard access.availableActions(loaded.record, account).contains(.logCall) else { throw AppError.notPermitted }
            let form = try context.form(CallForm.self)
            guard let details = CallPanel.details(form) else {
                return try await casePage(loaded, account, context, .init(call: CallPanel.problems(form)), status: .unprocessableContent)
            }
            let note = String((form.note ?? "").trimmingSpaces.replacingOccurrences(of: "\r\n", with: "\n").prefix(2_000))
            let call = Interaction(
                at: work.clock.now(), channel: .phone, direction: .inbound, actor: account.id.value, kind: .call,
                summary: note.isEmpty ? nil : note, isPublic: false, call: details)
            // The call happened whatever else changed meanwhile: a conflict is retried against the case as it now is.
            for attempt in 1...3 {
                do {
                    try await work.engine.recordContact(call, on: loaded.record.reference)
                    break
                } catch is CaseChangedSinceRead where attempt < 3 {}
            }
            // The case's call back is kept by this call: any time when the agent came from the Callbacks due list, else
            // once its window has started (a callback booked during this very call is not kept by logging it).
            _ = try await work.callbacks.called(loaded.record.reference, by: account.id, early: form.callback == "yes")
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path(fragment: "timeline"), type: .found)
        }
        routes.post(StaffURL.caseForm(.key, .vulnerable), roles: CaseAccess.vulnerabilityMarkers) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let role = try permittedRole(.markVulnerable, on: loaded, account)
            let form = try context.form(VulnerableForm.self)
            let reason = String((form.reason ?? "").trimmingSpaces.prefix(1_000))
            guard !reason.isEmpty else {
                return try await casePage(
                    loaded, account, context, .init(problems: .init(vulnerableReasonMissing: true)), status: .unprocessableContent)
            }
            let version = try RequestNumber.parse(form.version, in: 0...Int(Int32.max))
            do {
                try await work.engine.setVulnerable(
                    form.vulnerable == "yes", reason: reason, on: loaded.record.reference, by: account.actor(as: role),
                    expectedVersion: version, requestID: context.id)
            } catch is CaseChangedSinceRead {
                return try await casePage(
                    try await work.workspace.reloaded(loaded), account, context, .init(changedSinceRead: true), status: .conflict)
            }
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path, type: .found)
        }
        routes.post(StaffURL.caseForm(.key, .contact), roles: CaseAccess.contactEditors) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let role = try permittedRole(.correctContact, on: loaded, account)
            let form = try context.form(ContactCorrectionForm.self)
            let correction = ContactCorrection(
                name: form.name ?? "", address: form.address.address, email: form.email ?? "", mobile: form.mobile ?? "",
                channel: form.channel ?? "letter")
            let problems = try await work.correctContact(
                correction, on: loaded.record.reference, by: account.actor(as: role), requestID: context.id)
            guard problems.isEmpty else {
                return try await casePage(
                    loaded, account, context, .init(contactForm: .init(correction, fields: form.address, problems: problems)),
                    status: .unprocessableContent)
            }
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path(fragment: "contact-heading"), type: .found)
        }
        // At the citizen's request (a call, a letter): withdrawing is read back to them first.
        routes.post(StaffURL.caseForm(.key, .withdraw), roles: [.phoneAgent, .clerk]) { _, context, account in
            let loaded = try await visibleCase(context, account)
            guard try context.form(CaseActionForm.self).confirm == "yes" else {
                let file = try await work.workspace.file(of: loaded.record.reference)
                return try pages.render(
                    "staff/withdraw-confirm",
                    page: WithdrawConfirmPage(
                        nav: nav(account, context), reference: loaded.record.reference, version: loaded.record.version,
                        ticket: TicketSummary(file.ticket, timeZone: timeZone)),
                    context: context)
            }
            return try await act(
                .withdraw, .withdrawForCitizen, context, account, reason: RecordWords.atCitizensRequest.english, loaded: loaded)
        }
        routes.post(StaffURL.caseForm(.key, .hearing), roles: [.phoneAgent, .clerk]) { _, context, account in
            try await act(.requestHearing, .requestHearingForCitizen, context, account, reason: RecordWords.atCitizensRequest.english)
        }
    }
}
