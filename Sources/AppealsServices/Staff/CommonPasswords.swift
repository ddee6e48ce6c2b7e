/// Passwords of twelve characters or more that appear near the top of published breach lists (shorter ones
/// already fail the length rule), plus the keyboard and counting sequences people build them from.
enum CommonPasswords {
    static let list: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "password1234", "password12345", "password123456", "passwordpassword", "password123!", "password1!23",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwerty123456", "qwerty1234567", "1qaz2wsx3edc",
        "1q2w3e4r5t6y", "q1w2e3r4t5y6", "zaq12wsxcde3", "asdfghjkl123", "zxcvbnm12345", "iloveyou1234",
        "iloveyou12345", "letmein12345", "welcome12345", "welcome123456", "administrator", "administrator1",
        "adminadmin123", "admin1234567", "changeme1234", "changeme12345", "trustno112345", "football1234",
        "baseball1234", "superman1234", "princess1234", "sunshine1234", "starwars1234", "whatever1234",
        "monkey123456", "dragon123456", "master123456", "shadow123456", "michael12345", "jennifer1234",
        "abc123456789", "abcdefghijkl", "abcd12345678", "a1b2c3d4e5f6", "passw0rd1234", "p@ssw0rd1234",
        "p@ssword1234", "correcthorsebatterystaple", "summer2024!!", "winter2024!!", "spring2025!!", "autumn2025!!",
        "parking12345", "parkingticket", "riverton1234", "appeals12345", "1234qwerasdf", "qwer1234asdf",
    ]

    /// "123456789012", "abcdefghijkl", "987654321098": each character one more (or less) than the last.
    static func isSimpleSequence(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.map(\.value)
        guard scalars.count >= 6 else { return false }
        let steps = zip(scalars.dropFirst(), scalars).map { Int($0) - Int($1) }
        return steps.allSatisfy { $0 == 1 || $0 == -9 } || steps.allSatisfy { $0 == -1 || $0 == 9 }
    }
}
