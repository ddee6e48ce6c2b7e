import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Supervisors set the date and place of a hearing the citizen asked for; the hearing notice is queued with it.
extension CaseWorkController {
    func addHearingRoutes(to routes: StaffRoutes) {
        routes.post("/staff/cases/{reference}/hearing-date", roles: [.supervisor]) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let form = try context.form(HearingForm.self)
            let (day, time, place) = (form.day ?? "", form.time ?? "", form.place ?? "")
            do {
                _ = try await scheduleHearing(
                    loaded.record.reference, day: day, time: time, place: place, by: account.id, calendar: try await rulesCalendar())
            } catch let problems as ScheduleHearing.Problems {
                // No hearing waiting (held, or the case moved on since the page was read): the case page says where it is.
                guard !problems.list.contains(.notRequested) else {
                    return Response.redirect(to: "/staff/cases/\(loaded.record.reference.value)", type: .found)
                }
                var panel = HearingPanel(current: nil, canSchedule: true, calendar: try await rulesCalendar())
                panel.show(day: day, time: time, place: place, problems: problems.list)
                return try await casePage(loaded, account: account, context: context, status: .unprocessableContent, hearing: panel)
            }
            return Response.redirect(to: "/staff/cases/\(loaded.record.reference.value)#hearing-heading", type: .found)
        }
    }

    /// The hearing panel of a case waiting for its hearing.
    func hearingPanel(_ loaded: LoadedCase, _ account: StaffAccount) async throws -> HearingPanel? {
        guard loaded.record.state == .hearingRequested else { return nil }
        return HearingPanel(
            current: try await hearings.hearing(of: loaded.record.reference), canSchedule: account.roles.contains(.supervisor),
            calendar: try await rulesCalendar())
    }
}
