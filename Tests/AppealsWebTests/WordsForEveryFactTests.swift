import AppealsDomain
import AppealsServices
import AppealsTestSupport
import AppealsWords
import Foundation
import Testing

@testable import AppealsWeb

/// Every typed fact a page shows has words in its one partial: each state, outcome, ground, reason, timeline kind
/// and public event. A value added to an enum without words fails here.
@Suite("Every state, kind, ground and reason has words, from one partial")
struct WordsForEveryFactTests {
    static func renderer() async throws -> PageRenderer {
        try await PageRenderer(
            templatesFolder: TestDatabase.repositoryRoot.appendingPathComponent("templates").path,
            authority: Authority())
    }

    /// The text a fragment shows, tags removed and spaces collapsed.
    static func words(_ html: String?) -> String {
        (html ?? "").replacing(/<[^>]+>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Words, not a code or a placeholder left unfilled.
    static func expectWords(_ text: String, for fact: String) {
        #expect(text.count >= 3, "no words for \(fact)")
        #expect(!text.contains("_") && !text.contains("{{"), "\(fact) reads “\(text)”")
    }

    struct Wrapped<Value: Sendable & Encodable>: Sendable, Encodable {
        let kind: Value
        let count: Int
        let once: Bool
    }

    @Test func everyStateHasAHeadlineAndWhatHappensNextForEachOutcome() async throws {
        let pages = try await Self.renderer()
        for state in CaseState.allCases {
            for outcome in [nil] + Outcome.allCases.map(Optional.some) {
                let script = StatusScript(
                    state: state, outcome: outcome, decisionDue: "Monday 4 January 2027", answerDue: "Monday 21 December 2026",
                    hearingUntil: "Monday 18 January 2027", amountDue: "$65.00")
                let headline = Self.words(pages.fragment("partials/status-headline", value: script))
                let lead = Self.words(pages.fragment("partials/status-lead", value: script))
                Self.expectWords(headline, for: "the headline of \(state)")
                if [.decided, .closed].contains(state) && outcome == nil { continue }  // a decided case has an outcome
                Self.expectWords(lead, for: "what happens next in \(state), \(outcome.map(\.rawValue) ?? "no outcome")")
            }
        }
    }

    @Test func everyStateGroundReasonAndOutcomeHasALabel() async throws {
        let pages = try await Self.renderer()
        for state in CaseState.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/state-label", value: Label(state))), for: "state \(state)")
        }
        for ground in Ground.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/ground-label", value: Label(ground))), for: "ground \(ground)")
        }
        // A reason is said to the citizen in words of its own, never the staff label ("The citizen's evidence…").
        for reason in ReasonCode.allCases {
            let told = Self.words(pages.fragment("partials/reason-for-citizen", value: Label(reason)))
            Self.expectWords(told, for: "reason \(reason) told to the citizen")
            #expect(!told.localizedCaseInsensitiveContains("citizen"), "reason \(reason) reads “\(told)”")
        }
        for channel in Channel.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/channel-label", value: Label(channel))), for: "channel \(channel)")
        }
        for reason in CallReason.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/call-reason-label", value: Label(reason))), for: "call reason \(reason)")
        }
        for outcome in CallOutcome.allCases {
            Self.expectWords(
                Self.words(pages.fragment("partials/call-outcome-label", value: Label(outcome))), for: "call outcome \(outcome)")
        }
        for kind in DeadlineKind.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/deadline-label", value: Label(kind))), for: "deadline \(kind)")
        }
        for reason in ReasonCode.allCases {
            Self.expectWords(Self.words(pages.fragment("partials/reason-label", value: Label(reason))), for: "reason \(reason)")
        }
        // Pages name a letter or a message as the record's entries do (the record keeps its English as written).
        for kind in LetterKind.allCases {
            let label = Self.words(pages.fragment("partials/letter-kind-label", value: Label(kind)))
            Self.expectWords(label, for: "letter \(kind)")
            #expect(label == RecordWords.name(kind), "letter \(kind)")
        }
        for kind in NotificationKind.allCases {
            let label = Self.words(pages.fragment("partials/notification-kind-label", value: Label(kind)))
            Self.expectWords(label, for: "message \(kind)")
            #expect(label == RecordWords.name(kind), "message \(kind)")
        }
    }

    @Test func everyTimelineKindHasWordsForStaff() async throws {
        let pages = try await Self.renderer()
        var library = pages.library
        try library.register("{{#kind}}{{>partials/timeline-label}}{{/kind}}", named: "test-timeline")
        for kind in TimelineKind.allCases {
            for count in [1, 3] {
                let text = Self.words(
                    library.render(ViewTree.tree(Wrapped(kind: Label(kind), count: count, once: count == 1)), withTemplate: "test-timeline")
                )
                Self.expectWords(text, for: "timeline kind \(kind.stored)")
            }
        }
        let checks = Self.words(
            library.render(
                ViewTree.tree(Wrapped(kind: Label(TimelineKind.interaction(.statusChecked)), count: 3, once: false)),
                withTemplate: "test-timeline"))
        #expect(checks == "Citizen checked the status online 3 times that day")
    }

    @Test func everyEventTheCitizenSeesHasWordsForTheCitizen() async throws {
        let pages = try await Self.renderer()
        for kind in LookUpStatus.publicEvents.union([.decide]) {
            Self.expectWords(Self.words(pages.fragment("partials/status-event", value: Label(kind))), for: "event \(kind)")
        }
    }
}
