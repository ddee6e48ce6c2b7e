import AppealsDomain
import AppealsServices
import Foundation

/// A typed fact as a template sees it: its stored code and one flag per value of its type, true for its own
/// (`in_review` gives `inReview: true`, every other state false), so that its words live in one partial
/// (`{{#inReview}}In review{{/inReview}}`) that every page showing the fact includes. Every flag is present, so a
/// section never falls through to a same-named value of the page around it.
public struct Label: Sendable, Encodable, Equatable {
    public let code: String
    /// Every value's code and flag name, worked out once per type (the status page showed camel-casing them on
    /// every render cost 3 % of its throughput).
    let flags: Flags

    public init<Fact: Labelled>(_ fact: Fact) {
        code = fact.rawValue
        flags = Fact.labelFlags
    }

    public init(_ kind: TimelineKind) {
        code = kind.stored
        flags = Self.timelineFlags
    }

    static let timelineFlags = Flags(TimelineKind.allCases.map(\.stored))

    /// The codes of one type with their flag names.
    public struct Flags: Sendable, Equatable {
        let pairs: [(code: String, key: Key)]

        init(_ codes: [String]) { pairs = codes.map { ($0, Key(Label.flag($0))) } }

        public static func == (a: Flags, b: Flags) -> Bool { a.pairs.map(\.code) == b.pairs.map(\.code) }
    }

    /// A code's flag: the code in lower camel case.
    static func flag(_ code: String) -> String {
        let words = code.split(separator: "_")
        return words.prefix(1).joined() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    struct Key: CodingKey, Sendable {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    static let codeKey = Key("code")

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(code, forKey: Self.codeKey)
        for (other, key) in flags.pairs { try container.encode(other == code, forKey: key) }
    }
}

/// A fact with words in a partial: its codes and their flags, worked out once.
public protocol Labelled: RawRepresentable, CaseIterable where RawValue == String {
    static var labelFlags: Label.Flags { get }
}

extension CaseState: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension Outcome: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension Ground: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension ReasonCode: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension DeadlineKind: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension CaseEventKind: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension CallReason: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension Channel: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension CallOutcome: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension Conclusion: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension LetterKind: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension NotificationKind: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
extension InboundMessage.Why: Labelled { public static let labelFlags = Label.Flags(allCases.map(\.rawValue)) }
