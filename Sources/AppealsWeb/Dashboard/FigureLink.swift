import AppealsDomain
import AppealsServices
import Foundation

/// A figure's cases as a query string (`figure=received&channel=web`), both ways: the dashboard writes its links
/// with it and the list of cases reads them back. Anything unknown is a bad request, never a guess.
enum FigureLink {
    static func query(_ figure: CaseFigure) -> [(String, String)] {
        switch figure {
        case .received(let channel): [("figure", "received")] + (channel.map { [("channel", $0.rawValue)] } ?? [])
        case .concluded(let conclusion, let ground, let reviewer, let decisionsOnly):
            [("figure", "concluded")] + (conclusion.map { [("outcome", $0.rawValue)] } ?? [])
                + (ground.map { [("ground", $0.rawValue)] } ?? []) + (reviewer.map { [("reviewer", $0.value)] } ?? [])
                + (decisionsOnly ? [("decisions", "1")] : [])
        case .deadline(let kind, let result): [("figure", "deadline"), ("kind", kind.rawValue), ("result", result.rawValue)]
        case .calls(let filter): [("figure", "calls"), ("calls", filter.rawValue)]
        case .letters(let event): [("figure", "letters"), ("letters", event.rawValue)]
        case .openAtEnd(let bucket): [("figure", "open-at-end")] + (bucket.map { [("age", String($0.rawValue))] } ?? [])
        case .openNow(let state, let bucket):
            [("figure", "open-now")] + (state.map { [("state", $0.rawValue)] } ?? [])
                + (bucket.map { [("age", String($0.rawValue))] } ?? [])
        }
    }

    /// The figure a query names; nil when it names none. Throws ``RequestError/malformed`` for a value that is not one.
    static func figure(_ value: (String) -> String?) throws -> CaseFigure? {
        func parse<T>(_ name: String, _ make: (String) -> T?) throws -> T? {
            guard let text = value(name), !text.isEmpty else { return nil }
            guard let parsed = make(text) else { throw RequestError.malformed }
            return parsed
        }
        func required<T>(_ name: String, _ make: (String) -> T?) throws -> T {
            guard let parsed = try parse(name, make) else { throw RequestError.malformed }
            return parsed
        }
        let age = try parse("age") { RequestNumber.valid($0, in: 0...5).flatMap(AgeBucket.init(rawValue:)) }
        switch value("figure") {
        case nil, "": return nil
        case "received": return .received(try parse("channel", Channel.init(rawValue:)))
        case "concluded":
            return .concluded(
                try parse("outcome", Conclusion.init(rawValue:)), ground: try parse("ground", Ground.init(rawValue:)),
                reviewer: try parse("reviewer") { $0.count <= 100 ? StaffID($0) : nil }, decisionsOnly: value("decisions") == "1")
        case "deadline":
            return .deadline(
                try required("kind", DeadlineKind.init(rawValue:)), try required("result", CaseFigure.DeadlineResult.init(rawValue:)))
        case "calls": return .calls(try required("calls", CaseFigure.CallFilter.init(rawValue:)))
        case "letters": return .letters(try required("letters", CaseFigure.LetterEvent.init(rawValue:)))
        case "open-at-end": return .openAtEnd(age)
        case "open-now": return .openNow(try parse("state", CaseState.init(rawValue:)), age)
        default: throw RequestError.malformed
        }
    }

    /// `a=b&c=d`, each value escaped.
    static func encode(_ items: [(String, String)]) -> String {
        items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")" }.joined(separator: "&")
    }
}

extension CharacterSet {
    /// What a query value may carry unescaped.
    static let urlQueryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#?"))
}
