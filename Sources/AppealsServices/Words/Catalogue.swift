import Foundation

/// One language's words for every sentence the code puts together (the templates hold the rest): each sentence
/// under a key (``MessageKey``), with `{name}` where a value goes. English is the first language, written beside its
/// keys in the code, so that a key without English does not compile; another language is a JSON file of the same
/// keys (`templates/words/<language>.json`), checked whole when it is loaded. The areas live beside the code that
/// words them (the record's here, the pages' and letters' in AppealsWords, which lists them all: `Catalogue.areas`).
public struct Catalogue: Sendable {
    public let language: String
    let texts: [String: String]
    /// English reads each key's own English, without building the key's name and looking it up.
    let isEnglish: Bool

    /// English, from the keys of `areas`.
    public init(english areas: [any MessageKey.Type]) {
        language = "en"
        texts = Dictionary(uniqueKeysWithValues: areas.flatMap { $0.allKeys.map { ($0.key, $0.english) } })
        isEnglish = true
    }

    /// A language's catalogue from its JSON object of key → sentence; every key of `areas` must be there, and
    /// nothing else.
    public init(language: String, json: Data, areas: [any MessageKey.Type]) throws {
        let texts = try JSONDecoder().decode([String: String].self, from: json)
        let expected = Set(areas.flatMap { $0.allKeys.map(\.key) })
        let missing = expected.subtracting(texts.keys).sorted()
        let unknown = Set(texts.keys).subtracting(expected).sorted()
        guard missing.isEmpty, unknown.isEmpty else { throw CatalogueProblem(language: language, missing: missing, unknown: unknown) }
        self.language = language
        self.texts = texts
        isEnglish = false
    }

    /// The sentence under `key` with its values put in; the English one if this language lacks it.
    public func callAsFunction(_ key: some MessageKey, _ values: [String: String] = [:]) -> String {
        Self.fill(isEnglish ? key.english : texts[key.key] ?? key.english, values)
    }

    /// `text` with each `{name}` replaced by its value, in one pass: a value that itself holds braces is never read
    /// as a placeholder.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += values[String(rest[rest.index(after: open)..<close])] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// A catalogue that lacks keys, or has keys no code asks for.
public struct CatalogueProblem: Error, Sendable, Equatable {
    public let language: String
    public let missing: [String]
    public let unknown: [String]
}

/// The keys of one area's sentences (evidence, the workflow, …), each with its English.
public protocol MessageKey: Sendable {
    /// "area.name", as catalogue files write it.
    var key: String { get }
    var english: String { get }
    static var allKeys: [Self] { get }
}

extension MessageKey where Self: RawRepresentable, Self.RawValue == String, Self: CaseIterable {
    public static var allKeys: [Self] { Array(allCases) }
}

extension MessageKey {
    /// The English sentence with its values put in: for the record, which is kept in English as it was written.
    public func inEnglish(_ values: [String: String] = [:]) -> String { Catalogue.fill(english, values) }
}
