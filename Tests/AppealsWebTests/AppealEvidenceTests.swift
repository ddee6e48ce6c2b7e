import AppealsApp
import AppealsDomain
import AppealsEvidence
import AppealsServices
import AppealsStore
import AppealsTestSupport
import AppealsWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("A citizen adds photos and documents to an appeal")
struct AppealEvidenceTests {
    static let corpus = TestDatabase.repositoryRoot.appendingPathComponent("Tests/AppealsEvidenceTests/Corpus")
    static func corpusFile(_ name: String) throws -> (name: String, data: Data) {
        (name, try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    /// Up to the evidence step.
    static func startAppeal(_ browser: Browser, on client: any TestClientProtocol) async throws {
        try await browser.get("/appeal/ticket", on: client) { _ in }
        try await browser.post("/appeal/ticket", [("ticket_number", "PCN1"), ("plate", "AB12CDE")], on: client) { _ in }
        try await browser.get("/appeal/details", on: client) { _ in }
        try await browser.post(
            "/appeal/details", [("ground_signs_unclear", "yes"), ("statement", "The sign was hidden by a tree.")], on: client
        ) {
            #expect($0.headers[.location] == "/appeal/evidence")
        }
        try await browser.get("/appeal/evidence", on: client) { _ in }
    }

    @Test func aRealPhotoIsKeptShownAsAThumbnailAndFiledWithTheCase() async throws {
        let box = Box()
        let configuration = WebTest.configuration()
        try await WebTest.withApp(
            configuration: configuration,
            seed: {
                try await AppealJourneyTests.seed($0); box.db = $0
            }
        ) { client in
            let browser = Browser()
            try await Self.startAppeal(browser, on: client)
            try await browser.upload(
                "/appeal/evidence", fields: [("action", "upload")], files: [try Self.corpusFile("orientation-6.jpg")], on: client
            ) {
                #expect($0.status == .found)
                #expect($0.headers[.location] == "/appeal/evidence")
            }
            let thumbnail = try await browser.get("/appeal/evidence", on: client) { response -> String in
                #expect(response.text.contains("orientation-6.jpg"))
                return String(try #require(response.text.firstMatch(of: /src="(\/appeal\/evidence\/[0-9a-f]{32}\/thumbnail)"/)).1)
            }
            try await browser.get(thumbnail, on: client) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.cacheControl]?.hasPrefix("private") == true)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0xFF, 0xD8])
                #expect(response.body.readableBytesView.firstRange(of: Array("Exif".utf8)) == nil)
            }
            // Another browser (no draft cookie) cannot see it.
            try await Browser().get(thumbnail, on: client) { #expect($0.status == .notFound) }

            try await browser.get("/appeal/contact", on: client) { _ in }
            try await browser.post(
                "/appeal/contact", [("name", "Ana"), ("address", "1 Elm St\nRiverton RV 20501"), ("channel", "letter")], on: client
            ) { _ in
            }
            try await browser.get("/appeal/check", on: client) { #expect($0.text.contains("orientation-6.jpg")) }
            try await browser.post("/appeal/check", [], on: client) { #expect($0.headers[.location] == "/appeal/confirmation") }

            let db = try #require(box.db)
            let rows = try await SQLEvidenceStore(database: db).allEvidence()
            let row = try #require(rows.first)
            #expect(rows.count == 1)
            #expect(row.caseReference != nil && row.draftKey == nil, "filing makes the file the case's")
            #expect(row.mediaType == "image/jpeg" && row.pixelWidth == 120 && row.pixelHeight == 80)
            let original = try Self.corpusFile("orientation-6.jpg").data
            #expect(row.original.byteSize == original.count)
            let storage = try LocalEvidenceFolder(root: URL(fileURLWithPath: configuration.uploadsFolder))
            #expect(try storage.read(row.original.key) == original, "the original bytes are kept as they came")
            #expect(row.files.allSatisfy { storage.check($0) == .intact })
            #expect(try storage.incomingFiles().isEmpty, "nothing left in the incoming folder")
        }
    }

    @Test func aDisguisedFileIsRefusedWithItsReasonAndTheOtherFilesAndAnswersStay() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await AppealJourneyTests.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.startAppeal(browser, on: client)
            let files = [try Self.corpusFile("receipt.pdf"), try Self.corpusFile("page.jpg"), try Self.corpusFile("orientation-1.jpg")]
            try await browser.upload("/appeal/evidence", fields: [("action", "continue")], files: files, on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("page.jpg: This file is a web page. Please send a photo (JPEG, PNG or HEIC) or a PDF."))
                #expect(response.text.contains("receipt.pdf") && response.text.contains("orientation-1.jpg"), "the good files are listed")
            }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM evidence") == 2)
            // The answers of the step before are still there.
            try await browser.get("/appeal/details", on: client) { #expect($0.text.contains("The sign was hidden by a tree.")) }
        }
    }

    @Test func aRemovedFileLeavesTheAppeal() async throws {
        let box = Box()
        try await WebTest.withApp(seed: {
            try await AppealJourneyTests.seed($0); box.db = $0
        }) { client in
            let browser = Browser()
            try await Self.startAppeal(browser, on: client)
            try await browser.upload("/appeal/evidence", files: [try Self.corpusFile("alpha.png")], on: client) { _ in }
            let id = try await browser.get("/appeal/evidence", on: client) { response -> String in
                String(try #require(response.text.firstMatch(of: /name="id" value="([0-9a-f]{32})"/)).1)
            }
            try await browser.post("/appeal/evidence/remove", [("id", id)], on: client) { #expect($0.status == .found) }
            #expect(try await box.db!.count("SELECT COUNT(*) AS n FROM evidence") == 0)
        }
    }

    @Test func anUploadWithoutTheAntiForgeryTokenFirstIsRefusedBeforeAnyFileIsWritten() async throws {
        let configuration = WebTest.configuration()
        try await WebTest.withApp(configuration: configuration, seed: AppealJourneyTests.seed) { client in
            let browser = Browser()
            try await Self.startAppeal(browser, on: client)
            try await browser.upload("/appeal/evidence", files: [try Self.corpusFile("orientation-1.jpg")], withToken: false, on: client) {
                #expect($0.status == .forbidden)
            }
            try await browser.upload("/appeal/evidence", files: [try Self.corpusFile("orientation-1.jpg")], tokenFirst: false, on: client) {
                #expect($0.status == .forbidden)
            }
            let incoming = URL(fileURLWithPath: configuration.uploadsFolder).appendingPathComponent("incoming")
            #expect(try FileManager.default.contentsOfDirectory(atPath: incoming.path).isEmpty)
            // Multipart is taken only where an upload is expected.
            try await browser.upload("/status/withdraw", files: [], on: client) { #expect($0.status == .forbidden) }
        }
    }

    @Test func aFileOverTheLimitIsNamedAndABodyOverTheAppealLimitGetsThe413Page() async throws {
        var configuration = WebTest.configuration()
        configuration.evidenceLimits.maxFileBytes = 1_000
        configuration.evidenceLimits.maxAppealBytes = 3_000
        try await WebTest.withApp(configuration: configuration, seed: AppealJourneyTests.seed) { client in
            let browser = Browser()
            try await Self.startAppeal(browser, on: client)
            try await browser.upload("/appeal/evidence", files: [try Self.corpusFile("gps.jpg")], on: client) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("gps.jpg: This file is larger than"))
            }
            let big = try Self.corpusFile("many-scans.jpg")  // 63 KB: twice is over 3,000 bytes + 64 KB of form
            try await browser.upload("/appeal/evidence", files: [big, big], on: client) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}
