import AppealsDomain
import AppealsServices
import AppealsWords
import Foundation

/// The parts of the case page: each panel's view of the case, its choices and its forms.
extension CasePage {
    struct ReviewerChoice: Sendable, Encodable {
        let id: String
        let name: String
        let inHand: Int
    }

    struct Problems: Sendable, Encodable {
        var noOutcome = false
        var badAmount = false
        var noReason = false
        var missingReplies = false
        var messageMissing = false
        var noteMissing = false
        var vulnerableReasonMissing = false
        /// Writing to the citizen: nothing written, too much, or no way to reach them.
        var lettersMissing = false
        var lettersTooLong = false
        var noWayToReach = false
        var any: Bool {
            noOutcome || badAmount || noReason || missingReplies || messageMissing || noteMissing || vulnerableReasonMissing
                || lettersMissing || lettersTooLong || noWayToReach
        }
    }

    /// One flag per ``CaseAction`` this person may take now (from ``CaseAccess``), for the page's buttons.
    struct Actions: Sendable, Encodable {
        let claim, release, startReview, requestInformation, decide, approve, returnDecision, assign, note, logCall, markVulnerable,
            correctContact, withdrawForCitizen, requestHearingForCitizen, writeToCitizen: Bool
        /// Any of the buttons of the "Work on this case" panel.
        let any: Bool

        init(_ actions: Set<CaseAction>) {
            (claim, release, startReview, requestInformation) =
                (
                    actions.contains(.claim), actions.contains(.release), actions.contains(.startReview),
                    actions.contains(.requestInformation)
                )
            (decide, approve, returnDecision, assign, note) =
                (
                    actions.contains(.decide), actions.contains(.approve), actions.contains(.returnDecision), actions.contains(.assign),
                    actions.contains(.note)
                )
            logCall = actions.contains(.logCall)
            markVulnerable = actions.contains(.markVulnerable)
            correctContact = actions.contains(.correctContact)
            withdrawForCitizen = actions.contains(.withdrawForCitizen)
            requestHearingForCitizen = actions.contains(.requestHearingForCitizen)
            writeToCitizen = actions.contains(.writeToCitizen)
            any = claim || release || startReview || requestInformation || decide || approve
        }
    }

    struct EvidenceView: Sendable, Encodable {
        let name: String
        let size: String
        let thumbnail: String
        let display: String
        let download: String
        let original: String
        let pixels: String
        let pages: Int?
        let received: String
        let sha256: String
    }

    struct TimelineView: Sendable, Encodable {
        let when: String
        let channel: Label
        let actor: String
        let kind: Label
        /// How many times it happened that day (status checks), and whether that was once.
        let count: Int
        let once: Bool
        let summary: String?
        let isPublic: Bool
        let isNote: Bool
        let call: CallView?
    }

    struct CallView: Sendable, Encodable {
        let reason: Label
        let outcome: Label
        let resolved: Bool
    }

    struct DeadlineView: Sendable, Encodable {
        let kind: Label
        let status: String
        let explanation: String
        let overdue: Bool
    }

    struct OtherCase: Sendable, Encodable {
        let reference: String
        let grouped: String
        let link: String
        let state: Label
    }

    struct PendingView: Sendable, Encodable {
        let outcome: String
        let amount: String?
        let reason: Label?
        let proposedBy: String
        let replies: [ReplyView]
    }

    struct DecidedView: Sendable, Encodable {
        let outcome: String
        let amountDue: String
        let reason: Label
        let decidedBy: String
        let approvedBy: String?
        let replies: [ReplyView]
    }

    struct ReplyView: Sendable, Encodable {
        let ground: Label
        let text: String
    }

    struct ReasonChoice: Sendable, Encodable {
        let code: String
        let selected: Bool
        let reason: Label
    }

    /// The contact correction form's values and problems.
    struct ContactFormView: Sendable, Encodable {
        let name, email, mobile: String
        let address: AddressFields.View
        let letter, byEmail, bySMS: Bool
        let noName, nameNotOneLine, badEmail, badMobile, emailNeeded, mobileNeeded: Bool
        /// Open when there is something to fix.
        let open: Bool

        /// - Parameter fields: the address as typed (or as stored), shown back in its fields.
        init(_ correction: ContactCorrection, fields: AddressFields, problems: Set<ContactCorrection.Problem> = []) {
            (name, email, mobile) = (correction.name, correction.email, correction.mobile)
            address = fields.view(prefix: "contact_", problems: problems.contains(.address) ? correction.address.problems : [])
            (letter, byEmail, bySMS) = (correction.channel == "letter", correction.channel == "email", correction.channel == "sms")
            (noName, badEmail) = (problems.contains(.noName), problems.contains(.badEmail))
            nameNotOneLine = problems.contains(.nameNotOneLine)
            (badMobile, emailNeeded, mobileNeeded) =
                (problems.contains(.badMobile), problems.contains(.emailNeeded), problems.contains(.mobileNeeded))
            open = !problems.isEmpty
        }
    }
}
