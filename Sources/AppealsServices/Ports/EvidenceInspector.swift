import AppealsDomain
import Foundation

/// Identifies a file by its content and sanitises it (AppealsEvidence implements this with libmagic,
/// libjpeg-turbo, libpng and libheif). Throws ``EvidenceRejection`` for a file it refuses.
public protocol EvidenceInspector: Sendable {
    func inspect(fileAt url: URL) async throws -> (original: Data, result: SanitisedEvidence)
}
