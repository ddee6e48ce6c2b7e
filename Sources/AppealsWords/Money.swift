import AppealsDomain
import AppealsServices
import Foundation

/// Amounts as people read them.
public enum Money {
    public static func dollars(_ cents: Int) -> String {
        let whole = cents / 100, part = cents % 100
        return "$\(whole).\(part < 10 ? "0" : "")\(part)"
    }
}
