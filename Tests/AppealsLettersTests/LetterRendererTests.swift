import AppealsLetters
import AppealsServices
import Foundation
import Testing

/// Letters checked as a citizen's printer and a clerk's tools see them: poppler's `pdftotext`, `pdfinfo`, `pdffonts`.
@Suite("Letters are laid out for a window envelope, in any script, with page numbers and a QR code")
struct LetterRendererTests {
    static func letter(
        name: String = "Nguyễn Thị Ánh", address: [String] = ["12 Elm Street", "Apt 4", "Riverton, RV 20501"], paragraphs: Int = 3
    ) -> LetterContent {
        LetterContent(
            authorityName: "City of Riverton Parking Appeals", returnAddress: ["PO Box 100", "Riverton, RV 20500"],
            recipientName: name, recipientAddress: address, date: "4 December 2026",
            reference: "K7M-4QX-9TC", ticketNumber: "RV26001071", title: "We have your appeal",
            blocks: [.heading("What happens next")]
                + (1...paragraphs).map {
                    .paragraph("Paragraph \($0): a reviewer will look at your appeal and write to you by 29 January 2027.")
                },
            statusURL: "https://appeals.riverton.example/status?reference=K7M4QX9TC", statusShortURL: "riverton.example/status",
            phone: "(555) 010-4477")
    }

    /// Runs a poppler tool on the PDF and returns what it prints.
    static func poppler(_ tool: String, _ arguments: [String], pdf: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "letter-\(ProcessInfo.processInfo.processIdentifier)-\(tool)-\(pdf.count).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(tool, arguments + [file.path] + (tool == "pdftotext" ? ["-"] : []))
    }

    @Test(arguments: ["Nguyễn Thị Ánh", "Łukasz Żółć", "José Muñoz", "محمد"])
    func namesInAnyScriptComeOutIntact(name: String) throws {
        let rendered = try LetterRenderer().render(Self.letter(name: name))
        let text = try Self.poppler("pdftotext", [], pdf: rendered.pdf)
        // pdftotext marks a right-to-left run with embedding controls and puts a space between joined Arabic glyphs
        // (they are placed one by one); the letters, in order, are what must come out.
        func squashed(_ s: String) -> String {
            String(s.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) && $0 != " " }.map(Character.init))
        }
        #expect(squashed(text).contains(squashed(name)), "\(text)")
        #expect(text.contains("K7M-4QX-9TC") && text.contains("RV26001071") && text.contains("4 December 2026"))
        let fonts = try Self.poppler("pdffonts", [], pdf: rendered.pdf)
        #expect(fonts.contains("DejaVuSans"))
        // Every font line says "emb yes".
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(
            !rows.isEmpty && rows.allSatisfy { $0.split(separator: " ").filter { $0 == "yes" || $0 == "no" }.first == "yes" }, "\(fonts)")
    }

    @Test func aUSLetterIsLetterSizedAndAnA4IsA4() throws {
        let letter = try Self.poppler("pdfinfo", [], pdf: try LetterRenderer(paper: .usLetter).render(Self.letter()).pdf)
        #expect(letter.contains(/Page size: +612 x 792 pts \(letter\)/), "\(letter)")
        let a4 = try Self.poppler("pdfinfo", [], pdf: try LetterRenderer(paper: .a4).render(Self.letter()).pdf)
        #expect(a4.contains(/Page size: +595\.28 x 841\.89 pts \(A4\)/), "\(a4)")
    }

    @Test(arguments: [PaperFormat.usLetter, .a4])
    func theAddressAndNothingElseIsInTheEnvelopeWindow(paper: PaperFormat) throws {
        let inside = try Self.wordsInWindow(try LetterRenderer(paper: paper).render(Self.letter()).pdf, paper: paper)
        #expect(inside.joined(separator: " ") == "Nguyễn Thị Ánh 12 Elm Street Apt 4 Riverton, RV 20501")
    }

    /// Addresses as long as real ones get: every line is set inside the window (smaller when needed), none dropped,
    /// and the date, reference and ticket are still beside it.
    @Test(arguments: [
        (PaperFormat.usLetter, "Guadalupe María de los Ángeles Fernández-Villaseñor", ["29 Harbor Ave", "Apt 10", "RIVERTON RV 20501"]),
        (
            PaperFormat.usLetter, "Dr. Nguyễn Thị Ánh",
            [
                "c/o Riverton Community Legal Aid", "Attn: Appeals Desk", "1200 Martin Luther King Jr Blvd", "Suite 400",
                "RIVERTON RV 20501-4412",
            ]
        ),
        (
            PaperFormat.usLetter, "Łukasz Żółć",
            ["Riverton Mobile Home Park", "Lot 17", "4410 County Road 12", "Building C, Floor 2", "Unit 2B", "RIVERTON RV 20502"]
        ),
        (
            PaperFormat.a4, "Maximilian Alexander von Hohenzollern-Sigmaringen",
            [
                "Internationales Studentenwohnheim", "Haus B, Zimmer 1214", "Friedrich-Wilhelm-Ebert-Straße 134", "c/o Verwaltung",
                "70173 Stuttgart", "GERMANY",
            ]
        ),
    ])
    func aLongAddressIsSetWholeInTheWindowBesideTheFacts(paper: PaperFormat, name: String, address: [String]) throws {
        let pdf = try LetterRenderer(paper: paper).render(Self.letter(name: name, address: address)).pdf
        let inside = try Self.wordsInWindow(pdf, paper: paper)
        #expect(inside.joined(separator: " ") == ([name] + address).joined(separator: " "))
        let firstPage = try Self.poppler("pdftotext", ["-f", "1", "-l", "1"], pdf: pdf)
        for fact in ["Date", "4 December 2026", "Case reference", "K7M-4QX-9TC", "Ticket", "RV26001071"] {
            #expect(firstPage.contains(fact), "\(fact) is missing from page 1")
        }
    }

    @Test func anAddressThatCannotFitTheWindowGivesNoLetter() throws {
        let address = (1...9).map { "Line \($0) of an address that goes on" }
        #expect(throws: LetterLayoutProblem.addressDoesNotFitWindow(lines: 10)) {
            try LetterRenderer().render(Self.letter(address: address))
        }
    }

    /// The words of page 1 that touch the envelope's window (each must lie wholly inside it).
    static func wordsInWindow(_ pdf: [UInt8], paper: PaperFormat) throws -> [String] {
        let bbox = try Self.poppler("pdftotext", ["-bbox", "-f", "1", "-l", "1"], pdf: pdf)
        var inside: [String] = []
        for match in bbox.matches(of: /<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/) {
            let (x0, y0, x1, y1) = (Double(match.1)!, Double(match.2)!, Double(match.3)!, Double(match.4)!)
            let overlaps =
                x1 > paper.window.x && x0 < paper.window.x + paper.window.width && y1 > paper.window.y
                && y0 < paper.window.y + paper.window.height
            if overlaps {
                #expect(paper.window.contains(x: x0, y: y0) && paper.window.contains(x: x1, y: y1), "\(match.5) crosses the window's edge")
                inside.append(String(match.5).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return inside
    }

    @Test func aLongLetterFlowsOntoMorePagesEachNumberedOfTheTotal() throws {
        let short = try LetterRenderer().render(Self.letter(paragraphs: 3))
        #expect(short.pageCount == 1)
        let long = try LetterRenderer().render(Self.letter(paragraphs: 80))
        #expect(long.pageCount >= 2)
        // LETTER_SAMPLES=folder keeps the PDF, to look at (`pdftoppm -png`).
        if let folder = ProcessInfo.processInfo.environment["LETTER_SAMPLES"] {
            try Data(long.pdf).write(to: URL(fileURLWithPath: folder).appendingPathComponent("long-letter.pdf"))
        }
        let info = try Self.poppler("pdfinfo", [], pdf: long.pdf)
        #expect(info.contains(try Regex("Pages: +\(long.pageCount)\n")))
        let text = try Self.poppler("pdftotext", [], pdf: long.pdf)
        for page in 1...long.pageCount { #expect(text.contains("Page \(page) of \(long.pageCount)")) }
        #expect(text.contains("Paragraph 80:") && text.contains("riverton.example/status"))
    }

    @Test func theQRCodeReadsAsTheStatusPagesAddress() throws {
        #expect(try Self.zbar(try LetterRenderer().render(Self.letter()).pdf) == Self.letter().statusURL)
    }

    /// The QR code on the PDF's first page, as `zbarimg` reads it from a 150 dpi picture of the page.
    static func zbar(_ pdf: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("letter-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("letter.pdf")
        try Data(pdf).write(to: file)
        _ = try run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", file.path, folder.appendingPathComponent("page").path])
        let png = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".png") })
        return try run("zbarimg", ["-q", "--raw", folder.appendingPathComponent(png).path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return text
    }

    @Test func theSameLetterGivesTheSameBytes() throws {
        #expect(try LetterRenderer().render(Self.letter()).pdf == LetterRenderer().render(Self.letter()).pdf)
    }

    /// Not the clock's: two renders a second apart were different files.
    @Test func aLettersPDFIsCreatedOnTheLettersDate() throws {
        var letter = Self.letter()
        letter.dated = "2026-12-04"
        let info = try Self.poppler("pdfinfo", ["-isodates"], pdf: try LetterRenderer().render(letter).pdf)
        let created = info.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }
        #expect(created?.contains("2026-12-04T00:00:00") == true, "\(info)")
    }
}
