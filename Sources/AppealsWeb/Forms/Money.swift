import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Amounts as people read them.
enum Money {
    static func dollars(_ cents: Int) -> String {
        let whole = cents / 100, part = cents % 100
        return "$\(whole).\(part < 10 ? "0" : "")\(part)"
    }
}
