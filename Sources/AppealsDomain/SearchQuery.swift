import Foundation

/// What a phone agent typed into the one search box, read every way it could be meant: a case reference (or one
/// with a typo), a ticket number, a plate, a phone number, an email address or a surname. A string of letters and
/// digits can be a ticket number and a plate at once, and ten digits a phone number and a ticket number; each
/// reading is searched.
public enum SearchQuery: Hashable, Sendable {
    case reference(CaseReference)
    /// Nine characters of the reference alphabet whose check character does not match: the references one
    /// mistyped character or one swap of neighbours away that would be valid.
    case mistypedReference(nearMatches: [CaseReference])
    case ticket(TicketNumber)
    case plate(PlateNumber)
    /// E.164.
    case phone(String)
    /// Lower case.
    case email(String)
    /// ``SearchQuery/surnameKey(_:)`` of the name typed.
    case surname(String)
    /// A name of several words: the surname's key, and the words before it (``SearchQuery/nameWords(_:)``), each of
    /// which must begin a word of the appellant's name ("jo smith" finds Jo and John Smith, not Anna Smith).
    case name(surname: String, given: [String])

    /// Every reading of `raw`, most specific first; empty when nothing could match.
    public static func readings(of raw: String, defaultCallingCode: String) -> [SearchQuery] {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 100 else { return [] }
        if text.contains("@") { return EmailAddress(text).map { [.email($0.value)] } ?? [] }
        if let reference = CaseReference(text) { return [.reference(reference)] }
        var readings: [SearchQuery] = []
        let compact = text.uppercased().filter { $0 != " " && $0 != "-" }
        if compact.count == 9, compact.allSatisfy(CaseReference.alphabet.contains) {
            readings.append(.mistypedReference(nearMatches: CaseReference.nearMatches(of: compact)))
        }
        let phoneCharacters = Set("0123456789+()-. ")
        let digits = text.filter(\.isNumber)
        if text.allSatisfy(phoneCharacters.contains), digits.count >= 7,
            let mobile = MobileNumber(text, defaultCallingCode: defaultCallingCode)
        {
            readings.append(.phone(mobile.e164))
        }
        if let ticket = TicketNumber(text) { readings.append(.ticket(ticket)) }
        if let plate = PlateNumber(text) { readings.append(.plate(plate)) }
        if text.contains(where: \.isLetter), !text.contains(where: \.isNumber) {
            let key = surnameKey(text)
            let given = nameWords(text).dropLast().filter { !$0.isEmpty }
            if !key.isEmpty { readings.append(given.isEmpty ? .surname(key) : .name(surname: key, given: Array(given.prefix(3)))) }
        }
        return readings
    }

    /// How a surname is indexed and searched: the last word of the name, without accents, in lower case
    /// ("José Muñoz" → "munoz", "Łukasz Żółć" → "zolc").
    public static func surnameKey(_ name: String) -> String {
        String(fold(words(name).last ?? "").prefix(60))
    }

    /// The words of a name, without accents, in lower case, letters only ("Jean-Luc O'Brien" → "jeanluc", "obrien").
    public static func nameWords(_ name: String) -> [String] {
        words(name).map { String(fold($0).filter(\.isLetter).prefix(60)) }
    }

    /// How a whole name is kept for ``SearchQuery/name(surname:given:)``: its words, each after a space, so that
    /// `LIKE '% jo%'` finds a word that begins "jo".
    public static func nameKey(_ name: String) -> String {
        nameWords(name).prefix(10).map { " " + $0 }.joined()
    }

    private static func words(_ name: String) -> [Substring] {
        name.split(whereSeparator: { $0.isWhitespace || $0 == "," })
    }

    private static func fold(_ word: some StringProtocol) -> String {
        let folded = String(word).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let special: [Character: String] = ["ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"]
        return String(folded.lowercased().flatMap { special[$0] ?? String($0) })
    }
}

extension CaseReference {
    /// The valid references one substituted character or one swap of neighbours away from `typed` (nine characters
    /// of the alphabet, upper case, no separators), for "this reference has a typo" with suggestions.
    public static func nearMatches(of typed: String) -> [CaseReference] {
        let characters = Array(typed)
        guard characters.count == payloadLength + 1 else { return [] }
        var found: Set<CaseReference> = []
        for position in characters.indices {
            for replacement in alphabet where replacement != characters[position] {
                var candidate = characters
                candidate[position] = replacement
                if let reference = CaseReference(String(candidate)) { found.insert(reference) }
            }
        }
        for position in characters.indices.dropLast() where characters[position] != characters[position + 1] {
            var candidate = characters
            candidate.swapAt(position, position + 1)
            if let reference = CaseReference(String(candidate)) { found.insert(reference) }
        }
        return found.sorted()
    }
}
