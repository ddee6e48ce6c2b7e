import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation
import Hummingbird

/// Administration: staff accounts and roles, holidays, deadline policies, ticket CSV upload, API keys.
/// Administrators change; auditors read (they read everything and change nothing).
struct AdminController {
    let pages: PageRenderer
    let admin: Administer
    /// Draws the first password of a new account.
    let random: any RandomSource
    let timeZone: TimeZone

    static let readers: Set<Role> = [.administrator, .auditor]
    static let writers: Set<Role> = [.administrator]
    static let csvLimitBytes = 200_000_000
    static let assignableRoles: [Role] = [.phoneAgent, .reviewer, .supervisor, .clerk, .administrator, .auditor]

    func addRoutes(to routes: StaffRoutes) {
        routes.get(StaffURL.admin, roles: Self.readers) { _, context, account in
            try pages.render("staff/admin-home", page: AdminPage(nav: nav(account, context)), context: context)
        }
        routes.get(StaffURL.adminPage(.staff), roles: Self.readers) { _, context, account in
            try await staffPage(account, context)
        }
        routes.post(StaffURL.adminPage(.staff), roles: Self.writers) { _, context, account in
            let posted = try context.form(StaffAccountForm.self)
            let name = (posted.name ?? "").trimmingSpaces
            let email = EmailAddress(posted.email ?? "")
            let roles = Self.assignableRoles.filter { posted.roles.contains($0.rawValue) }
            var form = StaffForm(name: name, email: posted.email ?? "", roles: roles.map(\.rawValue))
            form.nameMissing = name.isEmpty
            form.nameNotOneLine = SingleLineText.hasBreakOrControl(name)
            form.emailInvalid = email == nil
            form.noRole = roles.isEmpty
            if let email, try await admin.isTaken(email) { form.emailTaken = true }
            guard !form.nameMissing, !form.nameNotOneLine, !form.emailInvalid, !form.noRole, !form.emailTaken, let email else {
                form.hasErrors = true
                return try await staffPage(account, context, form: form, status: .unprocessableContent)
            }
            let password = PasswordGenerator.password(random)
            let created = try await admin.createAccount(
                name: name, email: email, roles: Set(roles), password: password, by: account.actor(as: .administrator))
            return try await staffPage(account, context, created: (created.id.value, password))
        }
        routes.get(StaffURL.member(.key), roles: Self.readers) { _, context, account in
            try await memberPage(account, context)
        }
        routes.post(StaffURL.member(.key), roles: Self.writers) { _, context, account in
            guard let member = try await member(context) else { throw AppError.notFound }
            let posted = try context.form(StaffAccountForm.self)
            let roles = Set(Self.assignableRoles.filter { posted.roles.contains($0.rawValue) })
            guard !roles.isEmpty else { return try await memberPage(account, context, noRole: true) }
            let skills =
                Self.skills.map(\.code).filter { posted.skills.contains($0) }
                + (posted.languages ?? "").split(whereSeparator: { $0 == "," || $0 == " " })
                .map { "language:" + $0.lowercased() }.filter { $0.count <= 20 }
            try await admin.setRolesAndSkills(of: member.id, roles: roles, skills: skills, by: account)
            return Response.redirect(to: StaffURL.adminPage(.staff).path, type: .found)
        }
        routes.post(StaffURL.memberActivation(.key), roles: Self.writers) { _, context, account in
            guard let id = context.parameters.get("id"), id != account.id.value else { throw RequestError.malformed }
            let active = try context.form(ActiveForm.self).active == "true"
            try await admin.setActive(StaffID(id), active: active, by: account)
            return Response.redirect(to: StaffURL.adminPage(.staff).path, type: .found)
        }
        routes.get(StaffURL.adminPage(.holidays), roles: Self.readers) { _, context, account in
            try await holidaysPage(account, context)
        }
        routes.post(StaffURL.adminPage(.holidays), roles: Self.writers) { _, context, account in
            let form = try context.form(HolidayForm.self)
            let name = (form.name ?? "").trimmingSpaces
            guard let day = LocalDate(iso: form.day ?? ""), !name.isEmpty, !SingleLineText.hasBreakOrControl(name) else {
                return try await holidaysPage(account, context, problem: true, typed: (form.day ?? "", name))
            }
            try await admin.addHoliday(day, name: name, by: account)
            return Response.redirect(to: StaffURL.adminPage(.holidays).path, type: .found)
        }
        routes.post(StaffURL.holidayRemoval, roles: Self.writers) { _, context, account in
            guard let day = LocalDate(iso: try context.form(HolidayForm.self).day ?? "") else { throw RequestError.malformed }
            try await admin.removeHoliday(day, by: account)
            return Response.redirect(to: StaffURL.adminPage(.holidays).path, type: .found)
        }
        routes.get(StaffURL.adminPage(.policies), roles: Self.readers) { _, context, account in
            try await policiesPage(account, context)
        }
        routes.post(StaffURL.adminPage(.policies), roles: Self.writers) { _, context, account in
            let form = try context.form(PolicyForm.self)
            guard let kind = DeadlineKind(rawValue: form.kind ?? ""),
                let unit = DeadlineUnit(rawValue: form.unit ?? ""),
                let length = RequestNumber.valid(form.length ?? "", in: 1...365),
                let warning = RequestNumber.valid(form.warning ?? "", in: 0...30)
            else { return try await policiesPage(account, context, problem: true) }
            let policy = DeadlinePolicy(kind: kind, length: length, unit: unit, warningBusinessDays: warning)
            try await admin.addPolicy(policy, by: account)
            return Response.redirect(to: StaffURL.adminPage(.policies).path(query: "saved=1"), type: .found)
        }
        routes.get(StaffURL.adminPage(.tickets), roles: Self.writers) { _, context, account in
            try pages.render("staff/admin-tickets", page: TicketImportPage(nav: nav(account, context)), context: context)
        }
        routes.post(StaffURL.adminPage(.tickets), roles: Self.writers) { request, context, account in
            let form = try await MultipartUpload.read(
                request, csrfToken: context.csrfToken, incomingFile: { [admin] in try admin.incomingFile() },
                maxFileBytes: Self.csvLimitBytes, maxBodyBytes: Self.csvLimitBytes + 64 * 1024, maxParts: 8)
            defer { form.files.forEach { try? FileManager.default.removeItem(at: $0.url) } }
            var page = TicketImportPage(nav: nav(account, context))
            guard let file = form.files.first, file.size > 0, !file.tooLarge else {
                page.noFile = true
                page.hasErrors = true
                return try pages.render("staff/admin-tickets", page: page, context: context, status: .unprocessableContent)
            }
            var rejected: [String] = []
            var count = 0
            let summary = try await admin.importTickets(
                path: file.url.path, source: ReceiveEvidence.displayName(file.name)
            ) { row in
                count += 1
                if rejected.count < 500 { rejected.append(TicketImportMessages.line(row)) }
            }
            page.done = true
            page.summary = TicketImportMessages.summary(summary)
            page.rejected = rejected
            page.rejectedCount = count
            page.moreRejected = count > rejected.count
            return try pages.render("staff/admin-tickets", page: page, context: context)
        }
        routes.get(StaffURL.adminPage(.apiKeys), roles: Self.readers) { _, context, account in
            try await apiKeysPage(account, context)
        }
        routes.post(StaffURL.adminPage(.apiKeys), roles: Self.writers) { _, context, account in
            let form = try context.form(APIKeyForm.self)
            let name = (form.name ?? "").trimmingSpaces
            let rate = Int((form.requestsPerMinute ?? "").trimmingSpaces.replacingOccurrences(of: ",", with: ""))
                .flatMap { APIKey.requestsPerMinuteRange.contains($0) ? $0 : nil }
            let problems = APIKeysPage.Problems(
                noName: name.isEmpty, nameNotOneLine: SingleLineText.hasBreakOrControl(name), noScope: form.scopes.isEmpty,
                badRate: rate == nil)
            guard let rate, !problems.any else {
                return try await apiKeysPage(account, context) { page in
                    page.problems = problems
                    page.hasErrors = true
                    page.name = form.name ?? ""
                    page.statusRead = form.scopes.contains(.statusRead)
                    page.casesByPhone = form.scopes.contains(.casesByPhone)
                    page.requestsPerMinute = form.requestsPerMinute ?? ""
                }
            }
            let key = try await admin.createAPIKey(name: name, scopes: form.scopes, requestsPerMinute: rate, by: account)
            return try await apiKeysPage(account, context, created: key)
        }
        routes.post(StaffURL.apiKeyRevocation(.key), roles: Self.writers) { _, context, account in
            guard let id = context.parameters.get("id") else { throw RequestError.malformed }
            try await admin.revokeAPIKey(id, by: account)
            return Response.redirect(to: StaffURL.adminPage(.apiKeys).path, type: .found)
        }
    }

    func nav(_ account: StaffAccount, _ context: AppRequestContext) -> StaffNav {
        var nav = StaffNav(account, csrf: context.csrfToken)
        nav.onAdmin = true
        return nav
    }

    func staffPage(
        _ account: StaffAccount, _ context: AppRequestContext, form: StaffForm = StaffForm(),
        created: (id: String, password: String)? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let list = try await admin.staff()
        let page = StaffAdminPage(
            nav: nav(account, context), canChange: account.roles.contains(.administrator),
            staff: list.map { s in
                .init(
                    id: s.id, name: s.name, email: s.email,
                    roles: s.roles.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.sorted().joined(separator: ", "),
                    active: s.active, isSelf: s.id == account.id)
            },
            roles: Self.assignableRoles.map {
                .init(
                    code: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "),
                    checked: form.roles.contains($0.rawValue))
            },
            form: form, createdID: created?.id, createdPassword: created?.password
        )
        return try pages.render("staff/admin-staff", page: page, context: context, status: status)
    }

    static let skills: [(code: String, label: String)] = [
        ("stolen_vehicles", Catalogue.english(StaffWords.skillStolenVehicles)),
        ("disability", Catalogue.english(StaffWords.skillDisability)),
        ("not_owner", Catalogue.english(StaffWords.skillNotOwner)),
        ("commercial_fleet", Catalogue.english(StaffWords.skillCommercialFleet)),
    ]

    func member(_ context: AppRequestContext) async throws -> StaffAccount? {
        guard let id = context.parameters.get("id") else { return nil }
        return try await admin.member(id)
    }

    func memberPage(_ account: StaffAccount, _ context: AppRequestContext, noRole: Bool = false) async throws -> Response {
        guard let member = try await member(context) else { throw AppError.notFound }
        let skills = try await admin.skills(of: member.id)
        let page = MemberPage(
            nav: nav(account, context), canChange: account.roles.contains(.administrator), id: member.id.value,
            name: member.name, email: member.email, action: StaffURL.member(.value(member.id)).path,
            roles: Self.assignableRoles.map {
                .init(
                    code: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "),
                    checked: member.roles.contains($0))
            },
            skills: Self.skills.map { .init(code: $0.code, label: $0.label, checked: skills.contains($0.code)) },
            languages: skills.filter { $0.hasPrefix("language:") }.map { String($0.dropFirst("language:".count)) }.joined(separator: ", "),
            noRole: noRole
        )
        return try pages.render("staff/admin-member", page: page, context: context, status: noRole ? .unprocessableContent : .ok)
    }

    func holidaysPage(
        _ account: StaffAccount, _ context: AppRequestContext, problem: Bool = false,
        typed: (String, String) = ("", "")
    ) async throws -> Response {
        let holidays = try await admin.holidays()
        let page = HolidaysPage(
            nav: nav(account, context), canChange: account.roles.contains(.administrator),
            holidays: holidays.map { .init(day: $0.day.description, long: LongDate.text($0.day), name: $0.name) },
            empty: holidays.isEmpty, problem: problem, typedDay: typed.0, typedName: typed.1)
        return try pages.render("staff/admin-holidays", page: page, context: context, status: problem ? .unprocessableContent : .ok)
    }

    func policiesPage(_ account: StaffAccount, _ context: AppRequestContext, problem: Bool = false) async throws -> Response {
        let policies = try await admin.policies()
        let page = PoliciesPage(
            nav: nav(account, context), canChange: account.roles.contains(.administrator), problem: problem,
            policies: policies.map { p in
                .init(
                    kind: p.kind.rawValue, label: Label(p.kind),
                    length: p.length, businessDays: p.unit == .businessDays, warning: p.warningBusinessDays, version: p.version)
            })
        return try pages.render("staff/admin-policies", page: page, context: context, status: problem ? .unprocessableContent : .ok)
    }

    func apiKeysPage(
        _ account: StaffAccount, _ context: AppRequestContext, created: String? = nil, adjust: (inout APIKeysPage) -> Void = { _ in }
    ) async throws -> Response {
        let keys = try await admin.apiKeys()
        let calendar = BusinessCalendar(timeZone: timeZone)
        var page = APIKeysPage(
            nav: nav(account, context), canChange: account.roles.contains(.administrator),
            created: created, empty: keys.isEmpty,
            keys: keys.map { k in
                .init(
                    id: k.id, name: k.name, prefix: k.prefix, createdBy: k.createdBy,
                    created: LongDate.text(calendar.local(k.createdAt).date),
                    revoked: k.revokedAt.map { LongDate.text(calendar.local($0).date) },
                    scopes: APIScope.stored(k.scopes), requestsPerMinute: k.requestsPerMinute)
            })
        adjust(&page)
        return try pages.render("staff/admin-api-keys", page: page, context: context, status: page.hasErrors ? .unprocessableContent : .ok)
    }
}
