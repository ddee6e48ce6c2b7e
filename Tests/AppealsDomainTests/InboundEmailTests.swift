import Foundation
import Testing

@testable import AppealsDomain

/// `Tests/Fixtures/mail`, found from this file: three levels up is the repository root.
private let mailFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/mail")

private func fixture(_ name: String) throws -> InboundEmail {
    let url = mailFixtures.appendingPathComponent(name)
    let data = try #require(FileManager.default.contents(atPath: url.path), "missing fixture \(url.path)")
    return try InboundEmail.parse(Array(data))
}

private func message(_ text: String) throws -> InboundEmail {
    try InboundEmail.parse(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
}

private func utc(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
}

/// The facts each fixture must yield (checked independently with Python's `email` package for ids, addresses,
/// subjects, dates and attachment sizes).
struct MailFixture: Sendable, CustomTestStringConvertible {
    var file: String
    var messageID: String
    var from: String
    var subject: String
    var date: String
    var starts: String
    var ends: String
    var attachments: [String] = []
    var automatic = false
    var report: DeliveryReport?

    var testDescription: String { file }
    /// Bounces and read receipts quote the portal's message on purpose; everything else must not.
    var isReport: Bool { ["16", "17", "18", "19"].contains(String(file.prefix(2))) }
}

private let subjectOK = "Re: We need more information about your appeal REFERENCE_OK"
private let lena = "lena.fischer@example.com"

private let mailFixtureTable: [MailFixture] = [
    MailFixture(
        file: "01-gmail-reply.eml", messageID: "CAJx7fRq8vN2kLm3pQ4sT5uV6wX7yZ8aB9cD0eF1gH2iJ3kL4mN@mail.gmail.com", from: lena,
        subject: subjectOK, date: "2026-11-24T07:52:05Z", starts: "Hello,\n\nI've attached nothing yet because I'm at work",
        ends: "send it.\n\nThanks,\nLena"),
    MailFixture(
        file: "02-outlook-desktop-reply.eml", messageID: "000001db5e4c$3a9f6c20$afde4460$@example.com", from: lena,
        subject: "RE: We need more information about your appeal REFERENCE_OK", date: "2026-11-24T11:20:37Z",
        starts: "Dear Sir or Madam,\n\nI wasn’t parked in the bay for more than 10 minutes – I was unloading",
        ends: "The €2.50 ticket machine was out of order (see the council’s own notice).\n\nKind regards\n\nLena Fischer"),
    MailFixture(
        file: "03-iphone-reply.eml", messageID: "8E2B4C61-3D1F-4A8E-9B27-5C0D6E1F7A93@example.com", from: lena, subject: subjectOK,
        date: "2026-11-24T12:03:11Z", starts: "I’ll send the photo of the sign later today, it’s on my other phone.",
        ends: "it’s on my other phone."),
    MailFixture(
        file: "04-thunderbird-reply.eml", messageID: "6c0e2a4f-91b3-4d7e-8f25-3a6b9c1d0e47@example.com", from: lena,
        subject: subjectOK, date: "2026-11-24T08:12:45Z",
        starts: "Good morning,\n\nThe sign at the entrance of the Harbour Road car park says the charges apply 08:00–18:00, but",
        ends: "I arrived before the charges started.\n\nBest regards,\nLena Fischer"),
    MailFixture(
        file: "05-yahoo-reply.eml", messageID: "1693842117.2841736.1795615331052@mail.yahoo.com", from: "l.fischer@example.net",
        subject: subjectOK, date: "2026-11-25T14:02:11Z", starts: "Hi, I have paid the ticket by mistake, can I still appeal? Lena",
        ends: "can I still appeal? Lena"),
    MailFixture(
        file: "06-html-only-reply.eml", messageID: "trinity-5f3a2c1e-8b4d-4e6f-a1c9-0d2e7f8b3a61-1795538709123@3c-app-gmx-bs42",
        from: lena, subject: "Aw: We need more information about your appeal REFERENCE_OK", date: "2026-11-24T16:45:09Z",
        starts: "Sehr geehrte Damen und Herren,\n\nich war an diesem Tag im Krankenhaus, mein Auto stand vor meinem eigenen Haus. "
            + "Eine Bestätigung", ends: "per Post.\n\nMit freundlichen Grüßen\nLena Fischer"),
    MailFixture(
        file: "07-signature-reply.eml", messageID: "ZUXq7a1vR9sT3kLm@orchard.example.com", from: lena, subject: subjectOK,
        date: "2026-11-25T21:13:58Z", starts: "Hello,\n\nThe registration on the ticket (RV21 KXT) is not my car. Mine is RV21 KXF.\n",
        ends: "attached separately via the website.\n\nLena"),
    MailFixture(
        file: "08-non-ascii-reply.eml", messageID: "CAP9kLm2Qw7rT4uV5xY6zA7bC8dE9fG0hI1jK2lM3nO4pQ5rS@mail.gmail.com",
        from: "jose.garcia@example.es", subject: "Re: Más información sobre la multa – appeal REFERENCE_OK",
        date: "2026-11-26T09:30:14Z", starts: "Buenos días,\n\nSoy José García, el marido de Lena.",
        ends: "Muchas gracias y un saludo cordial,\nJosé García — Ørsted Straße 3, Zürich"),
    MailFixture(
        file: "09-jpeg-attachment.eml", messageID: "1F6A9D2E-7C3B-4E58-A0D1-92B4C6E8F013@example.com", from: lena,
        subject: subjectOK, date: "2026-11-24T16:58:40Z", starts: "Here is the sign. You can see it is covered.",
        ends: "it is covered.", attachments: ["IMG_4471.jpg image/jpeg 4548"]),
    MailFixture(
        file: "10-heic-attachment.eml", messageID: "C47E0B19-2D85-4A3F-B6E1-07F9A2C4D8B5@example.com", from: lena,
        subject: subjectOK, date: "2026-11-24T17:02:09Z", starts: "And the other side of the street.", ends: "street.",
        attachments: ["IMG_4472.HEIC image/heic 836"]),
    MailFixture(
        file: "11-pdf-attachment.eml", messageID: "000201db5eff$1c2d3e40$54878ac0$@example.com", from: lena,
        subject: "RE: We need more information about your appeal REFERENCE_OK", date: "2026-11-25T08:30:55Z",
        starts: "Hello,\n\nPlease find attached my pay-and-display receipt, which was valid until 14:30.",
        ends: "14:30.\n\nRegards\nLena Fischer", attachments: ["Parking receipt 23-11.pdf application/pdf 596"]),
    MailFixture(
        file: "12-hostile-attachment.eml", messageID: "CAJx7fRq9aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6c@mail.gmail.com", from: lena,
        subject: subjectOK, date: "2026-11-25T09:14:22Z", starts: "Photo attached.\n\nLena", ends: "Photo attached.\n\nLena",
        attachments: ["sign.jpg image/jpeg 96"]),
    MailFixture(
        file: "13-fake-pdf-attachment.eml", messageID: "CAJx7fRr1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3aB4cD5e@mail.gmail.com",
        from: lena, subject: subjectOK, date: "2026-11-25T09:20:03Z", starts: "And here is the letter from the hospital.\n\nLena",
        ends: "hospital.\n\nLena", attachments: ["hospital letter.pdf application/pdf 2057"]),
    MailFixture(
        file: "14-auto-reply-out-of-office.eml",
        messageID: "DB9PR04MB84121F0C3A7E5D2B9C4E1A6FD7E52@DB9PR04MB8412.eurprd04.prod.outlook.com", from: lena,
        subject: "Automatic reply: We need more information about your appeal REFERENCE_OK", date: "2026-11-23T10:00:06Z",
        starts: "Thank you for your email. I am out of the office until Monday 30 November",
        ends: "(tom.becker@example.com).\n\nLena Fischer",
        automatic: true),
    MailFixture(
        file: "15-vacation-x-autoreply.eml", messageID: "E1tEXzq-0007Kc-2V@server.example-hosting.net", from: lena,
        subject: "On holiday (Re: We need more information about your appeal REFERENCE_OK)", date: "2026-11-23T10:00:11Z",
        starts: "I'm on holiday until 1 December", ends: "when I'm back.\nLena", automatic: true),
    MailFixture(
        file: "16-bounce-postfix-dsn.eml", messageID: "20261123100004.4DgQ0m1Zqrz7@mx.riverton.example",
        from: "mailer-daemon@mx.riverton.example", subject: "Undelivered Mail Returned to Sender", date: "2026-11-23T10:00:04Z",
        starts: "This is the mail system at host mx.riverton.example.", ends: "(in reply to RCPT TO command)", automatic: true,
        report: DeliveryReport(
            failed: true, originalMessageID: "OUTBOX_ID@riverton.example", recipient: "lena.fischer@example.org",
            diagnostic: "550 5.1.1 <lena.fischer@example.org>: Recipient address rejected: User unknown in virtual mailbox table")),
    MailFixture(
        file: "17-bounce-gmail-dsn.eml", messageID: "6743a1f2.050a0220.3d2f1b.8e4cSMTPIN_ADDED_MISSING@mx.google.com",
        from: "mailer-daemon@googlemail.com", subject: "Delivery Status Notification (Failure)", date: "2026-11-24T09:00:07Z",
        starts: "** Address not found **\n\nYour message wasn't delivered to lena.fischer.old@example.com",
        ends: "go to https://support.google.com/mail/?p=NoSuchUser", automatic: true,
        report: DeliveryReport(
            failed: true, originalMessageID: "OUTBOX_ID@riverton.example", recipient: "lena.fischer.old@example.com",
            diagnostic: "550-5.1.1 The email account that you tried to reach does not exist.")),
    MailFixture(
        file: "18-delayed-dsn.eml", messageID: "20261123140512.4DgQ7x2Hvbz9@mx.riverton.example",
        from: "mailer-daemon@mx.riverton.example", subject: "Delayed Mail (still being retried)", date: "2026-11-23T14:05:12Z",
        starts: "This is the mail system at host mx.riverton.example.", ends: "Connection timed out", automatic: true,
        report: DeliveryReport(
            failed: false, originalMessageID: "OUTBOX_ID@riverton.example", recipient: "lena.fischer@example.org",
            diagnostic: "connect to mx1.example.org[198.51.100.80]:25: Connection timed out")),
    MailFixture(
        file: "19-read-receipt-mdn.eml",
        messageID: "DB9PR04MB8412A3C5E7F901B2D4C6E8FAD7E52@DB9PR04MB8412.eurprd04.prod.outlook.com", from: lena,
        subject: "Read: We need more information about your appeal REFERENCE_OK", date: "2026-11-23T18:40:31Z",
        starts: "Your message\n\nTo: Lena Fischer", ends: "Dublin, Edinburgh, Lisbon, London.", automatic: true),
    MailFixture(
        file: "20-forged-token.eml", messageID: "20261125031240.58213.qmail@mail.example.net", from: "lena.fischer@example.net",
        subject: subjectOK, date: "2026-11-25T03:12:40Z", starts: "Please withdraw my appeal and refund the payment",
        ends: "GB29 NWBK 6016 1331 9268 19."),
    MailFixture(
        file: "21-subject-reference-case-address.eml", messageID: "b1d3f5a7-2c4e-4f60-8a9b-c0d1e2f3a4b5@example.com", from: lena,
        subject: "Appeal REFERENCE_OK - witness statement", date: "2026-11-26T14:22:27Z",
        starts: "Hello,\n\nMy neighbour Mr Okafor saw the warden arrive after I had already returned to the car and was",
        ends: "0161 496 0815.\n\nLena Fischer"),
    MailFixture(
        file: "22-subject-reference-other-address.eml", messageID: "e7f9a1b3-4c5d-4e6f-9a0b-1c2d3e4f5a6b@example.org",
        from: "mark.jennings@example.org", subject: "Appeal REFERENCE_OK - witness statement", date: "2026-11-26T15:01:06Z",
        starts: "Hello,\n\nI saw the car in question on Mill Street and it was parked on the double yellow lines",
        ends: "Please do not cancel this ticket.\n\nMark Jennings"),
    MailFixture(
        file: "23-no-token-no-reference.eml", messageID: "CAB8mN2pQ4rS6tU8vW0xY2zA4bC6dE8fG0hI2jK4lM6nO8pQ0rS@mail.gmail.com",
        from: "priya.raman@example.com", subject: "Parking ticket question", date: "2026-11-27T19:44:51Z",
        starts: "Hi,\n\nI got a ticket last week but I have lost it.", ends: "ticket number?\n\nThanks\nPriya Raman"),
    MailFixture(
        file: "24-duplicate-of-01.eml", messageID: "CAJx7fRq8vN2kLm3pQ4sT5uV6wX7yZ8aB9cD0eF1gH2iJ3kL4mN@mail.gmail.com", from: lena,
        subject: subjectOK, date: "2026-11-24T07:52:05Z", starts: "Hello,\n\nI've attached nothing yet because I'm at work",
        ends: "send it.\n\nThanks,\nLena"),
    MailFixture(
        file: "25-in-reply-to-only.eml", messageID: "20261127080533.GA19284@example.net", from: "lena@example.net",
        subject: "Re: your email", date: "2026-11-27T08:05:33Z", starts: "Sorry, I replied from my other address.",
        ends: "on its way by post.\n\nLena"),
    MailFixture(
        file: "26-very-long-line.eml", messageID: "long-line-7f3e9a21@example.com", from: lena, subject: subjectOK,
        date: "2026-11-27T11:30:17Z", starts: "Here is everything that happened:\n\n(1) I parked at 9:07 and the machine showed",
        ends: "\n\nLena"),
    MailFixture(
        file: "27-token-and-other-reference.eml", messageID: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@example.com", from: lena,
        subject: "Re: Appeal REFERENCE_OTHER (my second ticket)", date: "2026-11-28T10:02:41Z",
        starts: "I changed the subject because I also have a second ticket from the same day. Does this evidence count for both?",
        ends: "count for both?\n\nLena"),
    MailFixture(
        file: "28-attachment-only-empty-body.eml", messageID: "CAJx7fRs2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3zA4bC5dE6f@mail.gmail.com",
        from: lena, subject: subjectOK, date: "2026-11-28T13:17:01Z", starts: "", ends: "",
        attachments: ["PXL_20261128_131522104.jpg image/jpeg 1495"]),
    MailFixture(
        file: "29-sms-gateway-reply.eml", messageID: "28417365.9182.1795973512345.JavaMail.mms@mmsgw07",
        from: "447700900123@mms.example-carrier.net", subject: "", date: "2026-11-29T17:31:52Z",
        starts: "Ok thx will send pic 2moro", ends: "Ok thx will send pic 2moro"),
    MailFixture(
        file: "30-forwarded-with-reference.eml", messageID: "CAJx7fRt3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7g@mail.gmail.com",
        from: lena, subject: "Fwd: We need more information about your appeal REFERENCE_OK", date: "2026-11-30T08:09:12Z",
        starts: "Forwarding this as I could not find the reply button on my phone.", ends: "The photo is on the website now."),
]

/// What must never survive into `newText` of a citizen's reply: the portal's own question and the clients' quoting.
private let quotedHistoryMarkers = [
    "Dear Lena Fischer", "We need more information", "before we can decide", "wrote:", "escribió", "schrieb", "Original Message",
    "Forwarded message", "Sent from my iPhone", "Gesendet:", "Betreff:", "From:", "Subject:", "City of Riverton", "\u{FEFF}",
    "Tel. 0161",
]

@Suite("Inbound e-mail: the 30 real-world-shaped fixtures")
struct InboundEmailFixtureTests {
    @Test(arguments: mailFixtureTable)
    func fixtureYieldsItsFacts(_ expected: MailFixture) throws {
        let email = try fixture(expected.file)
        #expect(email.messageID == expected.messageID)
        #expect(email.from?.address == expected.from)
        #expect(email.subject == expected.subject)
        #expect(email.date == utc(expected.date))
        #expect(email.newText.hasPrefix(expected.starts), "newText starts: \(email.newText.prefix(120))")
        #expect(email.newText.hasSuffix(expected.ends), "newText ends: \(email.newText.suffix(120))")
        #expect(email.attachments.map { "\($0.filename) \($0.contentType) \($0.data.count)" } == expected.attachments)
        #expect(email.isAutomatic == expected.automatic)
        #expect(email.deliveryReport == expected.report)
        if !expected.isReport {
            for marker in quotedHistoryMarkers {
                #expect(!email.newText.contains(marker), "newText keeps \(marker.debugDescription)")
            }
            #expect(!email.newText.split(separator: "\n").contains { $0.hasPrefix(">") })
        }
    }

    @Test func gmailReplyHeadersAndFullText() throws {
        let email = try fixture("01-gmail-reply.eml")
        #expect(email.from == MailAddress(name: "Lena Fischer", address: "lena.fischer@example.com"))
        #expect(email.to == [MailAddress(name: "City of Riverton Parking Services", address: "appeals+token_ok@riverton.example")])
        #expect(email.inReplyTo == ["OUTBOX_ID@riverton.example"])
        #expect(email.text.contains("> We need more information about your appeal REFERENCE_OK before we can decide it."))
        #expect(email.newText.contains("the sign on Mill Street was covered by a delivery van's awning"))
    }

    @Test func jpegAttachmentIsDecodedToItsBytes() throws {
        let email = try fixture("09-jpeg-attachment.eml")
        let photo = try #require(email.attachments.first)
        #expect(Array(photo.data.prefix(2)) == [0xFF, 0xD8])
        #expect(Array(photo.data.suffix(2)) == [0xFF, 0xD9])
        #expect(email.text == "Here is the sign. You can see it is covered.\n\nSent from my iPhone")
    }

    @Test func referencesKeepOrderWithoutDuplicates() throws {
        let email = try fixture("25-in-reply-to-only.eml")
        #expect(email.inReplyTo == ["OUTBOX_ID@riverton.example", "somewhere-else-1234@example.net"])
        #expect(email.to == [MailAddress(name: "City of Riverton Parking Services", address: "appeals@riverton.example")])
    }

    @Test func encodedWordNameAndFoldedSubject() throws {
        let email = try fixture("08-non-ascii-reply.eml")
        #expect(email.from == MailAddress(name: "José García", address: "jose.garcia@example.es"))
        #expect(email.text.contains("El lun, 23 nov 2026 a las 10:00, City of Riverton Parking Services escribió:"))
    }

    @Test func bounceSenderCommentBecomesTheName() throws {
        let email = try fixture("16-bounce-postfix-dsn.eml")
        #expect(email.from == MailAddress(name: "Mail Delivery System", address: "mailer-daemon@mx.riverton.example"))
    }

    @Test func veryLongLineIsKeptWhole() throws {
        let email = try fixture("26-very-long-line.eml")
        let longest = email.newText.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest == 4_349)  // the README says "4,400+"; the line is 4,349 characters plus CR
    }

    @Test func htmlOnlyReplyKeepsEntitiesAndParagraphs() throws {
        let email = try fixture("06-html-only-reply.eml")
        #expect(email.text.contains("Betreff: We need more information about your appeal REFERENCE_OK"))
        #expect(email.newText.contains("Eine Bestätigung des Krankenhauses schicke ich Ihnen per Post."))
    }
}

@Suite("Inbound e-mail: encodings and hostile input")
struct InboundEmailUnitTests {
    @Test func rfc2047EncodedWords() {
        #expect(EncodedWords.decode("=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?=") == "José García")
        #expect(EncodedWords.decode("=?iso-8859-1?q?caf=E9?= =?utf-8?b?4oKs?= ok") == "café€ ok")
        #expect(EncodedWords.decode("=?windows-1252?Q?=80_5_=96_paid?=") == "€ 5 – paid")
        #expect(EncodedWords.decode("Re: =?UTF-8?B?TcOhcw==?= info") == "Re: Más info")
        #expect(EncodedWords.decode("=?utf-8?x?abc?= and =? alone") == "=?utf-8?x?abc?= and =? alone")
    }

    @Test func rfc2231Filenames() throws {
        let single = HeaderValue("attachment; filename*=UTF-8''Stra%C3%9Fe%20%E2%82%AC.pdf")
        #expect(single.value == "attachment")
        #expect(single.parameters["filename"] == "Straße €.pdf")
        let continued = HeaderValue("attachment;\r\n filename*0*=UTF-8''Parking%20; filename*1*=receipt%E2%82%AC; filename*2=\".pdf\"")
        #expect(continued.parameters["filename"] == "Parking receipt€.pdf")
        let email = try message(
            """
            From: a@example.com
            Content-Type: multipart/mixed; boundary=XX

            --XX
            Content-Type: text/plain

            See file.
            --XX
            Content-Type: application/pdf; name="=?UTF-8?Q?Quittung_M=C3=BCller.pdf?="
            Content-Disposition: attachment; filename*0*=iso-8859-1''Quittung%20M%FC; filename*1=ller.pdf
            Content-Transfer-Encoding: base64

            JVBERi0x
            --XX--
            """)
        #expect(
            email.attachments == [
                MailAttachment(filename: "Quittung Müller.pdf", contentType: "application/pdf", data: Array("%PDF-1".utf8))
            ])
        #expect(email.newText == "See file.")
    }

    @Test func quotedPrintable() {
        let decoded = TransferEncoding.quotedPrintable(Array("caf=C3=A9 =\r\nsoft=3D=\nbreak =ZZ end=".utf8), underscoreIsSpace: false)
        #expect(String(decoding: decoded, as: UTF8.self) == "café soft=break =ZZ end")
    }

    @Test func lenientBase64() {
        #expect(TransferEncoding.base64(Array("SGVs\r\nbG8*!".utf8)) == Array("Hello".utf8))
        #expect(TransferEncoding.base64(Array("SGVsbG8gd29ybGQ=".utf8)) == Array("Hello world".utf8))
    }

    @Test func formatFlowed() throws {
        #expect(
            FlowedText.unflow("This is \nflowed.\n> quoted \n> more\nplain", deleteSpace: false) == "This is flowed.\n> quoted more\nplain")
        #expect(FlowedText.unflow("ab \ncd\n-- \nsig", deleteSpace: true) == "abcd\n-- \nsig")
        let email = try message(
            """
            From: a@example.com
            Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes
            Content-Transfer-Encoding: quoted-printable

            Gro=C3=9Fartig, das Schild war ver=20
            deckt.
             >Leading space was stuffed.
            """)
        #expect(email.text == "Großartig, das Schild war verdeckt.\n>Leading space was stuffed.")
    }

    @Test func windows1252Body() throws {
        let email = try message(
            """
            From: "Fischer, Lena" <Lena.Fischer@Example.COM>
            To: "Parking, Riverton" <appeals@riverton.example>, bob@example.org (Bob =?utf-8?q?M=C3=BCller?=)
            Reply-To: Lena <lena@example.net>
            Subject: =?windows-1252?Q?Ticket_=96_appeal?=
            Content-Type: text/plain; charset=windows-1252
            Content-Transfer-Encoding: quoted-printable

            I wasn=92t there =96 it cost =8012.
            """)
        #expect(email.text == "I wasn’t there – it cost €12.")
        #expect(email.subject == "Ticket – appeal")
        #expect(email.replyTo == MailAddress(name: "Lena", address: "lena@example.net"))
        #expect(email.from == MailAddress(name: "Fischer, Lena", address: "lena.fischer@example.com"))
        #expect(
            email.to == [
                MailAddress(name: "Parking, Riverton", address: "appeals@riverton.example"),
                MailAddress(name: "Bob Müller", address: "bob@example.org"),
            ])
    }

    @Test func unknownCharsetFallsBack() {
        #expect(MailCharset.decode(Array("café".utf8), charset: "x-unknown") == "café")
        #expect(MailCharset.decode([0x63, 0x61, 0x66, 0xE9], charset: "x-unknown") == "café")
        #expect(MailCharset.decode([0x63, 0xFF], charset: "utf-8") == "c\u{FFFD}")
        #expect(MailCharset.decode([0x80, 0x81, 0x92], charset: "windows-1252") == "€?’")
    }

    @Test func lineFeedOnlyMessage() throws {
        let raw =
            "From: Lena <lena@example.com>\nSubject: Re: folded\n  subject\nMessage-ID: <lf@example.com>\n"
            + "Date: 24 Nov 26 08:52 GMT\n\nMy answer.\n\nOn Mon, 23 Nov 2026, Portal wrote:\n> question\n"
        let email = try InboundEmail.parse(Array(raw.utf8))
        #expect(email.subject == "Re: folded subject")
        #expect(email.messageID == "lf@example.com")
        #expect(email.date == utc("2026-11-24T08:52:00Z"))
        #expect(email.text == "My answer.\n\nOn Mon, 23 Nov 2026, Portal wrote:\n> question")
        #expect(email.newText == "My answer.")
    }

    @Test func quotedHistoryInOtherLanguages() {
        #expect(QuotedHistory.newText("Danke.\n\nAm 23.11.2026 um 10:00 schrieb Portal <a@b.example>:\n> Frage") == "Danke.")
        #expect(QuotedHistory.newText("Merci.\n\nLe lun. 23 nov. 2026 à 10:00, Portal <a@b.example> a écrit :\n> Question") == "Merci.")
        #expect(QuotedHistory.newText("Gracias.\n\nEl lun, 23 nov 2026 a las 10:00, Portal\n<a@b.example> escribió:\n> P") == "Gracias.")
        #expect(QuotedHistory.newText("Hi.\n\nDe: Portal\nEnviado: lunes\nPara: Lena\nAsunto: x\n\nold") == "Hi.")
        #expect(QuotedHistory.newText("Hi.\n\nVon: Portal\nGesendet: Montag\nAn: Lena\n\nalt") == "Hi.")
        #expect(QuotedHistory.newText("\u{FEFF}Line one\n\nLine two\n\nGet Outlook for iOS") == "Line one\n\nLine two")
        #expect(QuotedHistory.newText("Fine.\n-- \nLena\n0161") == "Fine.")
        #expect(
            QuotedHistory.newText("On Monday I parked there.\nThe warden wrote:\nno permit")
                == "On Monday I parked there.\nThe warden wrote:\nno permit")
    }

    @Test func htmlToText() {
        let html =
            "<html><head><title>t</title><style>p{x}</style></head><body><p>A &amp; B&nbsp;&#8364;</p>"
            + "<script>alert(1)</script><div>C<br>D</div><blockquote>old</blockquote><ul><li>one</li><li>two</li></ul></body></html>"
        #expect(MailText.fromHTML(html) == "A & B €\n\nC\nD\n\nold\n\none\ntwo")
        #expect(MailText.fromHTML(html, dropQuotes: true) == "A & B €\n\nC\nD\n\none\ntwo")
    }

    @Test func tooLargeAndNotAMessage() {
        #expect(throws: MailParseError.tooLarge) { try InboundEmail.parse([UInt8](repeating: 0x41, count: InboundEmail.maximumSize + 1)) }
        #expect(throws: MailParseError.notAMessage) { try InboundEmail.parse([]) }
        #expect(throws: MailParseError.notAMessage) { try InboundEmail.parse(Array("no header here\n\nbody".utf8)) }
    }

    @Test func randomBytesNeverTrap() {
        var generator = SplitMix64(seed: 25)
        var parsed = 0
        for round in 0..<300 {
            var bytes = (0..<(round * 7 % 3_000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { bytes = Array("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n".utf8) + bytes }
            if (try? InboundEmail.parse(bytes)) != nil { parsed += 1 }
        }
        #expect(parsed >= 100)
    }

    @Test func fiftyNestedMultipartsStopAtTheDepthLimit() throws {
        var raw = "From: a@example.com\r\n"
        for level in 0..<50 { raw += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        raw += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        for level in (0..<50).reversed() { raw += "--b\(level)--\r\n" }
        let email = try InboundEmail.parse(Array(raw.utf8))
        #expect(email.text == "")
        var shallow = "From: a@example.com\r\n"
        for level in 0..<5 { shallow += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        shallow += "Content-Type: text/plain\r\n\r\nnot so deep\r\n"
        #expect(try InboundEmail.parse(Array(shallow.utf8)).text == "not so deep")
    }

    @Test func manyPartsAreCapped() throws {
        var raw = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n"
        for index in 0..<500 { raw += "--z\r\nContent-Type: image/png; name=p\(index).png\r\n\r\nx\r\n" }
        raw += "--z--\r\n"
        let email = try InboundEmail.parse(Array(raw.utf8))
        #expect(email.attachments.count == MIMEPart.maximumParts - 1)
    }

    @Test func boundaryNeverClosed() throws {
        let email = try message(
            """
            From: a@example.com
            Content-Type: multipart/mixed; boundary="never"

            preamble
            --never
            Content-Type: text/plain

            hello
            --never
            Content-Type: image/jpeg
            Content-Disposition: inline
            Content-Transfer-Encoding: base64

            /9j/4A
            """)
        #expect(email.text == "hello")
        #expect(email.attachments == [MailAttachment(filename: "attachment", contentType: "image/jpeg", data: [0xFF, 0xD8, 0xFF, 0xE0])])
    }

    @Test func oneMegabyteHeader() throws {
        let long = String(repeating: "a", count: 1_000_000)
        let email = try InboundEmail.parse(
            Array("From: a@example.com\r\nSubject: \(long)\r\nX-Junk: \(String(repeating: "=?a?Q?", count: 160_000))\r\n\r\nbody".utf8))
        #expect(email.subject.count == 1_000_000)
        #expect(email.text == "body")
    }

    @Test func obsoleteDates() {
        #expect(MailDate.parse("Tue, 24 Nov 2026 08:52:05 +0100") == utc("2026-11-24T07:52:05Z"))
        #expect(MailDate.parse("24 Nov 2026 01:00:07 -0800 (PST)") == utc("2026-11-24T09:00:07Z"))
        #expect(MailDate.parse("Mon, 23 Nov 2026 10:00:00 UT") == utc("2026-11-23T10:00:00Z"))
        #expect(MailDate.parse("Mon, 23 Nov 2026 05:00 EST") == utc("2026-11-23T10:00:00Z"))
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailDate.parse("Sun, 8 Mar 2026 03:30:00 -0330") == utc("2026-03-08T07:00:00Z"))
        #expect(MailDate.parse("1 Jan 99 00:00:00 GMT") == utc("1999-01-01T00:00:00Z"))
        #expect(MailDate.parse("29 Feb 2028 23:59:59 +1400") == utc("2028-02-29T09:59:59Z"))
        #expect(MailDate.parse("30 Feb 2026 10:00:00 +0000") == nil)
        #expect(MailDate.parse("24 Nov 2026 25:00:00 +0000") == nil)
        #expect(MailDate.parse("24 Nov 2026 10:00:00 +01") == nil)
        #expect(MailDate.parse("24 Nov 99999999999999999999 10:00:00 +0000") == nil)
    }
}

/// A fixed-seed generator so the "random bytes" test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
