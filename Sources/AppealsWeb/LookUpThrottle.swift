import AppealsServices
import Foundation

/// A limit on ticket and status look-ups per client address: a sliding window of `limit` attempts per `window`.
///
/// Kept in memory, so each server instance counts its own clients; behind a load balancer spreading one client
/// over N instances the effective limit is up to N times higher (a shared store would fix that).
actor LookUpThrottle {
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]
    private var lastPurge = Date.distantPast

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts an attempt; throws ``AppError/tooManyRequests(retryAfterSeconds:)`` once over the limit.
    func check(_ client: String, now: Date = Date()) throws {
        guard limit > 0 else { return }
        if now.timeIntervalSince(lastPurge) > window { purge(now) }
        var recent = attempts[client, default: []].filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            let retry = Int((window - now.timeIntervalSince(recent[0])).rounded(.up))
            attempts[client] = recent
            throw AppError.tooManyRequests(retryAfterSeconds: max(1, retry))
        }
        recent.append(now)
        attempts[client] = recent
    }

    private func purge(_ now: Date) {
        attempts = attempts.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
        lastPurge = now
    }
}

/// A form field people never see or fill in (hidden by CSS and from screen readers); bots fill in everything.
enum Honeypot {
    static let field = "website"
}
