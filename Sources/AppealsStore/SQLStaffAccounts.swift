import AppealsDomain
import AppealsServices
import Crypto
import Foundation
import SQLKit

/// Staff accounts, their sessions (hashed tokens) and failed sign-ins; every sign-in, failure, sign-out and
/// account change is audited in the same transaction.
public struct SQLStaffAccounts: StaffAccountStore {
    let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    public func account(email: String) async throws -> StaffAccount? {
        try await database.withConnection { db in
            guard
                let row = try await db.select().column("*").from("staff")
                    .where(SQLFunction("LOWER", args: SQLIdentifier("email")), .equal, SQLBind(email.lowercased())).first()
            else { return nil }
            return try await Self.account(row, on: db)
        }
    }

    public func isTaken(_ id: StaffID) async throws -> Bool {
        try await database.withConnection { db in
            try await db.select().column("id").from("staff").where("id", .equal, SQLBind(id.value)).first() != nil
        }
    }

    public func createAccount(_ account: StaffAccount, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await db.insert(into: "staff").columns("id", "name", "email", "started_on", "active", "created_at", "password_hash")
                .values(
                    SQLBind(account.id.value), SQLBind(account.name), SQLBind(account.email.lowercased()),
                    SQLBind(account.startedOn.description), SQLBind(account.active), SQLBind(Stored.time(audit.at)),
                    SQLBind(account.passwordHash)
                ).run()
            if !account.roles.isEmpty {
                try await db.insert(into: "staff_roles").columns("staff_id", "role")
                    .rows(account.roles.sorted { $0.rawValue < $1.rawValue }.map { [SQLBind(account.id.value), SQLBind($0.rawValue)] })
                    .run()
            }
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func setActive(_ id: StaffID, active: Bool, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await db.update("staff").set("active", to: SQLBind(active)).where("id", .equal, SQLBind(id.value)).run()
            if !active { try await db.delete(from: "staff_sessions").where("staff_id", .equal, SQLBind(id.value)).run() }
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    /// Sets a password (for `appeals users` and the demo data).
    public func setPassword(_ id: StaffID, hash: String) async throws {
        try await database.write { db in
            try await db.update("staff").set("password_hash", to: SQLBind(hash)).where("id", .equal, SQLBind(id.value)).run()
        }
    }

    public func auditFailure(_ audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    public func startSession(token: String, staff: StaffID, at: Date, expires: Date, audit: AuditEntry) async throws {
        try await database.transaction { db in
            try await db.insert(into: "staff_sessions").columns("token_hash", "staff_id", "created_at", "last_seen_at", "expires_at")
                .values(
                    SQLBind(Self.hash(token)), SQLBind(staff.value), SQLBind(Stored.time(at)), SQLBind(Stored.time(at)),
                    SQLBind(Stored.time(expires))
                ).run()
            try await db.delete(from: "staff_sessions").where("expires_at", .lessThan, SQLBind(Stored.time(at))).run()
            try await AuditChain.append([audit], on: db, engine: database.engine)
        }
    }

    /// One statement, a row per role: every staff page asks this first, and each statement costs a thread hop and
    /// a fresh prepare.
    public func session(token: String) async throws -> StaffSession? {
        try await database.withConnection { db in
            let rows = try await db.raw(
                """
                SELECT s.created_at AS session_created_at, s.last_seen_at, s.expires_at,
                    st.id, st.name, st.email, st.active, st.started_on, st.password_hash, r.role
                FROM staff_sessions s JOIN staff st ON st.id = s.staff_id LEFT JOIN staff_roles r ON r.staff_id = st.id
                WHERE s.token_hash = \(bind: Self.hash(token))
                """
            ).all()
            guard let row = rows.first else { return nil }
            let roles = try rows.compactMap { try $0.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) }
            return StaffSession(
                account: try Self.account(row, roles: roles), createdAt: try Stored.date(row, "session_created_at"),
                lastSeenAt: try Stored.date(row, "last_seen_at"), expiresAt: try Stored.date(row, "expires_at"))
        }
    }

    public func touchSession(token: String, at: Date) async throws {
        try await database.write { db in
            try await db.update("staff_sessions").set("last_seen_at", to: SQLBind(Stored.time(at)))
                .where("token_hash", .equal, SQLBind(Self.hash(token))).run()
        }
    }

    public func endSession(token: String, audit: AuditEntry?) async throws {
        try await database.transaction { db in
            try await db.delete(from: "staff_sessions").where("token_hash", .equal, SQLBind(Self.hash(token))).run()
            if let audit { try await AuditChain.append([audit], on: db, engine: database.engine) }
        }
    }

    static func account(_ row: any SQLRow, on db: any SQLDatabase) async throws -> StaffAccount {
        let id = try row.decode(column: "id", as: String.self)
        let roles = try await db.select().column("role").from("staff_roles").where("staff_id", .equal, SQLBind(id)).all()
            .compactMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) }
        return try account(row, roles: roles)
    }

    static func account(_ row: any SQLRow, roles: [Role]) throws -> StaffAccount {
        let id = try row.decode(column: "id", as: String.self)
        guard let started = LocalDate(iso: try row.decode(column: "started_on", as: String.self)) else {
            throw StoredDataError.corrupt(table: "staff", detail: "started_on")
        }
        return StaffAccount(
            id: StaffID(id), name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
            roles: Set(roles), active: try row.decode(column: "active", as: Bool.self), startedOn: started,
            passwordHash: try row.decode(column: "password_hash", as: String?.self)
        )
    }

    static func hash(_ token: String) -> String { hexString(SHA256.hash(data: Data(token.utf8))) }
}
