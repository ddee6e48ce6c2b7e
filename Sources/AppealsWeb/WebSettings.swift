import AppealsServices
import Foundation
import Hummingbird
import Logging

/// The web layer's own settings.
public struct WebSettings: Sendable {
    public var templatesFolder: String
    public var publicFolder: String
    public var authority: Authority
    public var secureCookies: Bool
    public var trustedProxies: TrustedProxies
    public var formMinimumFillSeconds: Int
    public var evidenceLimits: EvidenceLimits
    /// The bearer key `/metrics` asks for; nil: `/metrics` is not served.
    public var metricsToken: String?

    public init(
        templatesFolder: String, publicFolder: String, authority: Authority, secureCookies: Bool, trustedProxies: TrustedProxies,
        formMinimumFillSeconds: Int, evidenceLimits: EvidenceLimits, metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.templatesFolder = templatesFolder
        self.publicFolder = publicFolder
        self.authority = authority
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.formMinimumFillSeconds = formMinimumFillSeconds
        self.evidenceLimits = evidenceLimits
    }
}
