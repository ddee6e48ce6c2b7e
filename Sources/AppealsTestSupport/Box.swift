import AppealsStore

/// Carries the test's database out of the seeding closure into the test body.
public final class Box: @unchecked Sendable {
    public var db: AppDatabase?
    public init() {}
}
