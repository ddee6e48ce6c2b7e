"""Both directions in a real browser: a citizen's e-mailed reply with a photo answers the reviewer's request for
information, an agent works the Callbacks due list with the keyboard only, and an agent answers an unmatched
e-mail from the Unmatched messages queue on a phone."""
import base64
import contextlib
import os
import subprocess
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from portal import ROOT, Portal, axe_violations, binary, browser, navigate, screenshot, sign_in, wait_replaced

DESK = (1280, 800)
PHOTO = os.path.join(ROOT, "Tests", "AppealsEvidenceTests", "Corpus", "gps.jpg")


def grouped(reference):
    return f"{reference[:3]}-{reference[3:6]}-{reference[6:]}"


class TwoWayPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.portal.__exit__(None, None, None)

    def receive(self, message):
        """The message through `appeals mail receive`, as the mail server's pipe runs it."""
        env = dict(os.environ, DATA_DIR=self.portal.data.name, UPLOADS_DIR=os.path.join(self.portal.data.name, "uploads"),
                   LOG_LEVEL="error")
        env.pop("DATABASE_URL", None)
        done = subprocess.run([binary(), "mail", "receive"], input=message, cwd=ROOT, env=env, capture_output=True)
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return done.stdout.decode().strip()

    def test_a_citizens_emailed_reply_with_a_photo_answers_the_request_and_the_reviewer_sees_both(self):
        with contextlib.closing(self.portal.db()) as db:
            reference, email, assignee = db.execute(
                "SELECT c.reference, a.email, c.assignee FROM cases c JOIN appeals a ON a.case_reference = c.reference "
                "WHERE c.state = 'awaiting_citizen' AND c.assignee IS NOT NULL "
                # The case asked most recently: another demo case's answer is overdue, and the server's sweep at its
                # start carries that review on without it.
                "ORDER BY (SELECT MAX(d.due_at) FROM case_deadlines d WHERE d.case_reference = c.reference "
                "AND d.kind = 'information_response') DESC LIMIT 1").fetchone()
            if email is None:  # the demo's citizen wrote by post: give them the address the reply comes from
                email = "reply.citizen@example.org"
                with db:
                    db.execute("UPDATE appeals SET email = ? WHERE case_reference = ?", (email, reference))
        with open(PHOTO, "rb") as file:
            photo = base64.encodebytes(file.read()).decode().replace("\n", "\r\n")
        message = (
            f"From: Citizen <{email}>\r\nTo: appeals@riverton.example\r\n"
            f"Subject: Re: We need more information about your appeal {grouped(reference)}\r\n"
            "Date: Mon, 07 Dec 2026 09:12:00 -0500\r\nMessage-ID: <browser-test-reply-1@mail.example.org>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Here is the photo of the sign, it was hidden by the tree.\r\n\r\n"
            "On Fri, 4 Dec 2026 at 10:00, Parking Services wrote:\r\n> We need more information\r\n"
            "--b1\r\nContent-Type: image/jpeg; name=\"IMG_2041.jpg\"\r\nContent-Disposition: attachment; filename=\"IMG_2041.jpg\"\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{photo}\r\n--b1--\r\n").encode()
        self.assertEqual(self.receive(message), f"Mail: on_case {grouped(reference)}.")
        driver = browser(*DESK)
        try:
            sign_in(driver, self.portal, assignee)
            driver.get(self.portal.url + "/staff/cases/" + reference)
            messages = driver.find_element(By.ID, "messages-heading").find_element(By.XPATH, "..").text
            self.assertIn("1 new", messages)
            self.assertIn("Here is the photo of the sign, it was hidden by the tree.", messages)
            self.assertNotIn("Parking Services wrote", messages.split("The whole message")[0], "the quoted history is folded")
            self.assertIn("The citizen’s answer received", driver.find_element(By.ID, "timeline").text)
            photos = [img.get_attribute("alt") for img in driver.find_elements(By.CSS_SELECTOR, "img")]
            self.assertTrue(any("IMG_2041.jpg" in (alt or "") for alt in photos), photos)
            self.assertNotIn("Awaiting", driver.find_element(By.CSS_SELECTOR, ".state-tag").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "two-way-1-reply-on-case-desk")
        finally:
            driver.quit()

    def test_an_agent_answers_an_unmatched_email_on_a_phone_and_an_empty_answer_is_refused_beside_its_field(self):
        message = (
            "From: Jo Whitfield-Ngata <jo.whitfield@example.net>\r\nTo: appeals@riverton.example\r\n"
            "Subject: Ticket on my car outside the library\r\nDate: Mon, 07 Dec 2026 08:40:00 -0500\r\n"
            "Message-ID: <browser-test-unmatched-1@mail.example.net>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Hello, I got a ticket this morning but I had paid at the machine. What should I do?\r\n\r\nJo\r\n").encode()
        self.assertEqual(self.receive(message), "Mail: unmatched.")
        with contextlib.closing(self.portal.db()) as db, db:
            # A text from a number that several cases gave (as the SMS webhook stores one), to show both kinds.
            db.execute(
                "INSERT INTO inbound_messages (id, message_key, channel, received_at, sender, subject, new_text, full_text, "
                "disposition, attachments, why, state) VALUES ('browser-text-1', 'sms:SMbrowser1', 'sms', "
                "'2026-12-07T14:05:00Z', '+12035550144', '', 'Is my appeal decided? Ana', 'Is my appeal decided? Ana', "
                "'unmatched', 0, 'several_cases', 'done')")
        driver = browser(390, 844)
        try:
            sign_in(driver, self.portal, "dan")
            driver.get(self.portal.url + "/staff/messages")
            main = driver.find_element(By.TAG_NAME, "main").text
            self.assertIn("Ticket on my car outside the library", main)
            self.assertIn("Is my appeal decided? Ana", main)
            item = [li for li in driver.find_elements(By.CSS_SELECTOR, "li.message") if "library" in li.text][0]
            item.find_element(By.CSS_SELECTOR, "details.answer summary").click()
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "two-way-3-unmatched-phone")
            navigate(driver, item.find_element(By.XPATH, ".//button[contains(., 'Send the answer')]"))
            summary = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
            self.assertIn("Write the answer before you send it", summary)
            field = driver.find_element(By.CSS_SELECTOR, "textarea[aria-invalid=true]")
            self.assertTrue(field.is_displayed(), "the answer's field is open beside its error")
            field.send_keys("Thank you, Jo. Please reply with the ticket number and your plate and we will find your case.")
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "two-way-4-unmatched-error-phone")
            navigate(driver, field.find_element(By.XPATH, "./ancestor::form//button"))
            self.assertIn("Your answer is on its way", driver.find_element(By.CSS_SELECTOR, ".notice").text)
            self.assertNotIn("library", driver.find_element(By.TAG_NAME, "main").text)
        finally:
            driver.quit()
        with contextlib.closing(self.portal.db()) as db:
            self.assertEqual(db.execute(
                "SELECT address, subject FROM notifications WHERE kind = 'unmatched_answer'").fetchall(),
                [("jo.whitfield@example.net", "Re: Ticket on my car outside the library")])

    def test_an_agent_works_the_callbacks_due_list_with_the_keyboard_only(self):
        with contextlib.closing(self.portal.db()) as db:
            reference, plate = db.execute(
                "SELECT c.reference, t.plate FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number "
                "JOIN appeals a ON a.case_reference = c.reference WHERE a.mobile_e164 IS NOT NULL AND c.state = 'in_review' "
                "AND c.reference NOT IN (SELECT case_reference FROM callbacks) LIMIT 1").fetchone()
        driver = browser(*DESK)
        try:
            # The citizen asks on the status page.
            driver.get(self.portal.url + "/status")
            driver.find_element(By.ID, "reference").send_keys(reference)
            driver.find_element(By.ID, "plate").send_keys(plate)
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "main form button"))
            navigate(driver, [b for b in driver.find_elements(By.CSS_SELECTOR, "button") if "call you back" in b.text][0])
            self.assertEqual(axe_violations(driver), [])
            driver.find_elements(By.CSS_SELECTOR, "input[name=window]")[0].click()
            driver.find_element(By.ID, "reason").send_keys("Wants to know what the photo needs to show")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "main form button.button"))
            self.assertIn("We will call you back on", driver.find_element(By.CSS_SELECTOR, ".notice").text)

            # The agent: Callbacks due, j to the case, Enter, then the call logged with the keyboard.
            sign_in(driver, self.portal, "dan")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Callbacks"))
            self.assertIn("Wants to know what the photo needs to show", driver.find_element(By.TAG_NAME, "main").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "two-way-2-callbacks-desk")
            rows = driver.find_elements(By.CSS_SELECTOR, "a.case-link")
            position = [link.text.replace("-", "") for link in rows].index(reference)
            body = driver.find_element(By.TAG_NAME, "body")
            for _ in range(position + 1):
                body.send_keys("j")
            focused = driver.switch_to.active_element
            self.assertEqual(focused.text.replace("-", ""), reference)
            page = driver.find_element(By.TAG_NAME, "html")
            focused.send_keys(Keys.ENTER)
            wait_replaced(driver, page)
            reason = driver.find_element(By.ID, "call_reason")
            driver.execute_script("arguments[0].focus()", reason)
            active = driver.switch_to.active_element
            active.send_keys("Asked")
            active.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys("Answered")
            driver.switch_to.active_element.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys(Keys.SPACE)
            driver.switch_to.active_element.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys("Called back: explained what the photo should show.")
            driver.switch_to.active_element.send_keys(Keys.TAB)
            page = driver.find_element(By.TAG_NAME, "html")
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            wait_replaced(driver, page)
            self.assertIn("Called back: explained what the photo should show.", driver.find_element(By.ID, "timeline").text)
            with contextlib.closing(self.portal.db()) as db:
                status = db.execute("SELECT status FROM callbacks WHERE case_reference = ?", (reference,)).fetchone()[0]
            self.assertEqual(status, "done")
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
