import AppealsServices
import Foundation

/// A typed fact as a template sees it: its stored code and one flag per value of its type, true for its own
/// (`in_review` gives `inReview: true`, every other state false), so that its words live in one partial
/// (`{{#inReview}}In review{{/inReview}}`) that every page showing the fact includes. Every flag is present, so a
/// section never falls through to a same-named value of the page around it.
struct Label: Sendable, Encodable, Equatable {
    let code: String
    let codes: [String]

    init<Fact: RawRepresentable & CaseIterable>(_ fact: Fact) where Fact.RawValue == String {
        code = fact.rawValue
        codes = Fact.allCases.map(\.rawValue)
    }

    init(_ kind: TimelineKind) {
        code = kind.stored
        codes = TimelineKind.allCases.map(\.stored)
    }

    /// A code's flag: the code in lower camel case.
    static func flag(_ code: String) -> String {
        let words = code.split(separator: "_")
        return words.prefix(1).joined() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(code, forKey: Key("code"))
        for other in codes { try container.encode(other == code, forKey: Key(Self.flag(other))) }
    }
}
