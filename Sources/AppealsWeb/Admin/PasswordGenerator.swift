import AppealsDomain
import AppealsServices
import Foundation
import Hummingbird

/// Generated passwords: five groups of four from an alphabet without look-alikes (about 100 bits).
public enum PasswordGenerator {
    public static func password(_ random: any RandomSource) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<5).map { _ in String((0..<4).map { _ in alphabet[random.below(alphabet.count)] }) }.joined(separator: "-")
    }
}
