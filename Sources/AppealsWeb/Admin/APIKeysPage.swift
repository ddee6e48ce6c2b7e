import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

struct APIKeysPage: Sendable, Encodable {
    let nav: StaffNav
    let canChange: Bool
    var problems = Problems()
    var hasErrors = false
    let created: String?
    let empty: Bool
    let keys: [Key]
    /// The form as sent back after a problem (or its defaults).
    var name = ""
    var statusRead = true
    var casesByPhone = false
    var requestsPerMinute = "600"
    let range = "\(APIKey.requestsPerMinuteRange.lowerBound) to \(APIKey.requestsPerMinuteRange.upperBound.formatted(.number))"

    struct Problems: Sendable, Encodable {
        var noName = false, nameNotOneLine = false, noScope = false, badRate = false
        var any: Bool { noName || nameNotOneLine || noScope || badRate }
    }

    struct Key: Sendable, Encodable {
        let id, name, prefix, createdBy, created: String
        let revoked: String?
        let scopes: String
        let requestsPerMinute: Int
        /// The form that revokes the key.
        let revoke: String

        init(
            id: String, name: String, prefix: String, createdBy: String, created: String, revoked: String?, scopes: String,
            requestsPerMinute: Int
        ) {
            (self.id, self.name, self.prefix, self.createdBy, self.created) = (id, name, prefix, createdBy, created)
            (self.revoked, self.scopes, self.requestsPerMinute) = (revoked, scopes, requestsPerMinute)
            revoke = StaffURL.apiKeyRevocation(.value(id)).path
        }
    }
}
