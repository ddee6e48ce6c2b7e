import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Supervisors set the date and place of a hearing the citizen asked for; the hearing notice is queued with it.
extension CaseWorkController {
    func addHearingRoutes(to routes: StaffRoutes) {
        routes.post(StaffURL.caseForm(.key, .hearingDate), roles: [.supervisor]) { _, context, account in
            let loaded = try await visibleCase(context, account)
            let form = try context.form(HearingForm.self)
            let (day, time, place) = (form.day ?? "", form.time ?? "", form.place ?? "")
            let calendar = try await work.workspace.calendar()
            do {
                _ = try await work.scheduleHearing(
                    loaded.record.reference, day: day, time: time, place: place, by: account.id, calendar: calendar)
            } catch let problems as ScheduleHearing.Problems {
                // No hearing waiting (held, or the case moved on since the page was read): the case page says where it is.
                guard !problems.list.contains(.notRequested) else {
                    return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path, type: .found)
                }
                var panel = HearingPanel(current: nil, canSchedule: true, calendar: calendar)
                panel.show(day: day, time: time, place: place, problems: problems.list)
                return try await casePage(loaded, account, context, .init(hearing: panel), status: .unprocessableContent)
            }
            return Response.redirect(to: StaffURL.case(.value(loaded.record.reference)).path(fragment: "hearing-heading"), type: .found)
        }
    }
}
