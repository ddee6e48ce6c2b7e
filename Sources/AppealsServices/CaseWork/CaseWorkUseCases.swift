import AppealsDomain
import Foundation

/// What the reviewers' and supervisors' workspace does, built once from the ports by the composition root: the
/// web layer gets these use cases, never a store.
public struct CaseWorkUseCases: Sendable {
    /// Who may see a case and which actions they may take on it now.
    public let access: CaseAccess
    public let workspace: CaseWorkspace
    public let queues: CaseQueues
    public let team: TeamOverview
    public let engine: CaseEngine
    public let addNote: AddNote
    public let evidence: CaseEvidenceFiles
    public let correctContact: CorrectContact
    public let scheduleHearing: ScheduleHearing
    public let produceLetters: ProduceLetters
    public let writeToCitizen: WriteToCitizen
    public let callbacks: Callbacks
    /// The time staff actions are stamped with.
    public let clock: any WallClock

    /// - Parameters:
    ///   - lookUp: the citizen's view of a case, for the script staff read to a caller.
    ///   - engine: the workflow engine the other audiences share.
    public init(
        cases: any CaseStore, queries: any CaseWorkQueries, evidence: any EvidenceStore, storage: any EvidenceStorage,
        letters: any LetterStore, notifications: any NotificationStore, hearings: any HearingStore, contacts: any CaseContacts,
        lookUp: LookUpStatus, produceLetters: ProduceLetters, engine: CaseEngine, clock: any WallClock, timeZone: TimeZone,
        callingCode: String, writeToCitizen: WriteToCitizen, callbacks: Callbacks, inbox: any InboxStore
    ) {
        self.callbacks = callbacks
        self.writeToCitizen = writeToCitizen
        let access = CaseAccess()
        self.access = access
        var workspace = CaseWorkspace(
            cases: cases, queries: queries, evidence: evidence, letters: letters, notifications: notifications, hearings: hearings,
            status: lookUp, access: access, clock: clock, timeZone: timeZone)
        workspace.inbox = inbox
        workspace.engine = engine
        self.workspace = workspace
        queues = CaseQueues(queries: queries, cases: cases, timeZone: timeZone)
        team = TeamOverview(
            queries: queries, cases: cases, letters: letters, notifications: notifications, clock: clock, timeZone: timeZone)
        self.engine = engine
        addNote = AddNote(cases: cases, clock: clock)
        self.evidence = CaseEvidenceFiles(evidence: evidence, storage: storage, cases: cases, access: access, clock: clock)
        correctContact = CorrectContact(contacts: contacts, clock: clock, defaultCallingCode: callingCode)
        scheduleHearing = ScheduleHearing(store: hearings, cases: cases, clock: clock)
        self.produceLetters = produceLetters
        self.clock = clock
    }
}
