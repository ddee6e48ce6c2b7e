import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// For tests: the redirect-target rule of the sign-in form.
public enum StaffAuthControllerProbe {
    public static func safeNext(_ next: String?) -> String { StaffAuthController.safeNext(next) }
}
