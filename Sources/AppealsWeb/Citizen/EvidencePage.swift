import AppealsDomain
import AppealsServices
import Foundation

struct EvidencePage: Sendable, Encodable {
    let csrf: String
    let files: [EvidenceItem]
    let hasFiles: Bool
    let maxFiles: Int
    let maxFileMegabytes: Int
    let roomForMore: Bool
    let rejected: [RejectedFile]
    var hasErrors: Bool
    /// This draft has sent as many bytes as one appeal may, counting removed files.
    var budgetUsed = false

    init(csrf: String, files: [EvidenceItem], limits: EvidenceLimits, rejected: [RejectedFile]) {
        self.csrf = csrf
        self.files = files
        hasFiles = !files.isEmpty
        maxFiles = limits.maxFiles
        maxFileMegabytes = limits.maxFileBytes / 1_000_000
        roomForMore = files.count < limits.maxFiles
        self.rejected = rejected
        hasErrors = !rejected.isEmpty
    }

    struct RejectedFile: Sendable, Encodable {
        let name: String
        let reason: String
    }
}
