import Testing

@testable import AppealsApp

/// The poller's reading of the IMAP server's search answers: ranges (ESEARCH) and the plain list.
@Suite("IMAP search answers")
struct IMAPSearchReplyTests {
    @Test func rangesAreReadInOrderUpToTheLimit() {
        let reply = "* OK [PERMANENTFLAGS ()] ok\r\n* ESEARCH (TAG \"A004\") UID ALL 4:6,9,12:11\r\n"
        #expect(CurlIMAPMailbox.extendedSearchResults(reply, limit: 100) == [4, 5, 6, 9, 11, 12])
        #expect(CurlIMAPMailbox.extendedSearchResults(reply, limit: 4) == [4, 5, 6, 9])
        #expect(CurlIMAPMailbox.extendedSearchResults("* ESEARCH (TAG \"A004\") UID ALL 1:4294967295\r\n", limit: 3) == [1, 2, 3])
    }

    @Test func noneWaitingIsAnEmptyAnswerAndAnythingElseIsNotOne() {
        #expect(CurlIMAPMailbox.extendedSearchResults("* ESEARCH (TAG \"A004\") UID\r\n", limit: 10) == [])
        // No ESEARCH line (the server does not know it), or a set that is not one: the plain search is asked instead.
        #expect(CurlIMAPMailbox.extendedSearchResults("* SEARCH 1 2 3\r\n", limit: 10) == nil)
        #expect(CurlIMAPMailbox.extendedSearchResults("* ESEARCH (TAG \"A004\") UID ALL 1:x\r\n", limit: 10) == nil)
        #expect(CurlIMAPMailbox.extendedSearchResults("* ESEARCH (TAG \"A004\") UID ALL 1:2:3\r\n", limit: 10) == nil)
        #expect(CurlIMAPMailbox.searchResults("* FLAGS (\\Seen $AppealsStored)\r\n* SEARCH 3 1 2\r\n") == [1, 2, 3])
    }
}
