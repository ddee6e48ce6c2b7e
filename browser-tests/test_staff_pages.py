"""The staff workspace in a real browser: a reviewer works the first case of their queue, a supervisor approves."""
import os
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from portal import Portal, axe_violations, browser, sign_in, navigate, screenshot, wait_replaced

DESK = (1280, 800)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHOTO = os.path.join(ROOT, "Tests", "AppealsEvidenceTests", "Corpus", "orientation-6.jpg")


class StaffPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.portal.__exit__(None, None, None)

    def sign_in(self, driver, who):
        sign_in(driver, self.portal, who)

    def sign_out(self, driver):
        navigate(driver, driver.find_element(By.XPATH, "//button[text()='Sign out']"))

    def file_appeal_with_photo(self, driver):
        """A citizen's appeal with a photo, as on the web."""
        ticket, plate = self.portal.unappealed_ticket()
        driver.get(self.portal.url + "/appeal/ticket")
        driver.find_element(By.ID, "ticket_number").send_keys(ticket)
        driver.find_element(By.ID, "plate").send_keys(plate)
        navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        driver.find_element(By.CSS_SELECTOR, "label[for=ground_signs_unclear]").click()
        driver.find_element(By.CSS_SELECTOR, "label[for=ground_permit_displayed]").click()
        driver.find_element(By.ID, "statement").send_keys("The sign was behind a tree and my permit was on the dashboard.")
        navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        driver.find_element(By.ID, "evidence").send_keys(PHOTO)
        navigate(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
        driver.find_element(By.ID, "name").send_keys("Aisha Rahman")
        driver.find_element(By.ID, "address").send_keys("4 Quay Street\nRiverton RV 20502")
        navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        return driver.find_element(By.CLASS_NAME, "panel-reference").text.replace("-", "")

    def test_a_reviewer_decides_the_first_case_of_the_queue_and_a_supervisor_approves(self):
        driver = browser(*DESK)
        try:
            reference = self.file_appeal_with_photo(driver)
            # Nia (in her first month, so her cancellations need approval) has it at the top of her queue.
            db = self.portal.db()
            db.execute("UPDATE cases SET assignee = 'nia', priority = 999 WHERE reference = ?", (reference,))
            db.commit()
            db.close()

            self.sign_in(driver, "nia")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Your queue and the team queue"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "My cases")
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-1-queue-desk")
            # Keyboard: j focuses the first case, Enter opens it.
            driver.find_element(By.TAG_NAME, "body").send_keys("j")
            first = driver.switch_to.active_element
            self.assertIn("case-link", first.get_attribute("class"))
            self.assertEqual(first.get_attribute("href"), f"{self.portal.url}/staff/cases/{reference}")
            page = driver.find_element(By.TAG_NAME, "html")
            first.send_keys(Keys.ENTER)
            wait_replaced(driver, page)
            self.assertIn("The sign was behind a tree", driver.find_element(By.CLASS_NAME, "statement").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-2-case-desk")

            # The photo: the thumbnail is the upright copy; the full view opens.
            thumbnail = driver.find_element(By.CSS_SELECTOR, ".gallery img")
            size = driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", thumbnail)
            self.assertEqual(size, [120, 80])
            display = driver.find_element(By.CSS_SELECTOR, ".gallery-link").get_attribute("href")
            driver.get(display)
            self.assertEqual(driver.execute_script("return document.contentType"), "image/jpeg")
            driver.back()

            # Take it into review, then decide: the form refuses to go without a reply to each ground.
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Start the review']"))
            driver.find_element(By.CSS_SELECTOR, "label[for=outcome-cancelled]").click()
            from selenium.webdriver.support.ui import Select
            Select(driver.find_element(By.ID, "reason_code")).select_by_value("evidence_accepted")
            driver.find_element(By.ID, "reply_signs_unclear").send_keys("Our photo of the street confirms the sign was hidden.")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Preview the letter']"))
            self.assertIn("Write a reply to", driver.find_element(By.CLASS_NAME, "error-summary").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-3-decide-error-desk")
            driver.find_element(By.ID, "reply_permit_displayed").send_keys("Your photo shows a valid permit on the dashboard.")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Preview the letter']"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Check the decision letter")
            self.assertIn("We have cancelled the ticket", driver.find_element(By.CLASS_NAME, "letter-preview").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-4-letter-preview-desk")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Confirm the decision']"))
            self.assertIn("Waiting for approval", driver.find_element(By.CLASS_NAME, "state-tag").text)
            self.sign_out(driver)

            # The supervisor approves it.
            self.sign_in(driver, "cleo")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Approvals"))
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-5-approvals-desk")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='/staff/cases/{reference}']"))
            screenshot(driver, "staff-6-approve-desk")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Approve the decision']"))
            self.assertIn("Decided", driver.find_element(By.CLASS_NAME, "state-tag").text)
            self.assertIn("approved by cleo", driver.find_element(By.ID, "decided-heading").find_element(By.XPATH, "..").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-7-decided-desk")
            # The team page: load, breaches, warnings.
            navigate(driver, driver.find_element(By.LINK_TEXT, "Team"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Team")
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-8-team-desk")
        finally:
            driver.quit()

    def test_a_clerk_prints_and_posts_the_waiting_letters(self):
        driver = browser(*DESK)
        try:
            self.sign_in(driver, "eve")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Print room"))
            # The server produces the demo's queued letters within seconds of starting.
            for _ in range(60):
                if driver.find_elements(By.XPATH, "//button[text()='Create print batch']"):
                    break
                time.sleep(0.5)
                driver.refresh()
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Print room")
            waiting = driver.find_element(By.CSS_SELECTOR, "table.queue tbody").text
            self.assertIn("Decision letter", waiting)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "clerk-print-1-room-desk")

            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Create print batch']"))
            self.assertTrue(driver.find_element(By.TAG_NAME, "h1").text.startswith("Print batch of "))
            self.assertIn("Ready to print", driver.find_element(By.CSS_SELECTOR, "dl.summary").text)
            pdf = driver.find_element(By.LINK_TEXT, "Download the PDF").get_attribute("href")
            self.assertTrue(pdf.endswith("/pdf"))
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "clerk-print-2-batch-desk")

            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Mark printed']"))
            self.assertIn("Batch marked printed", driver.find_element(By.CSS_SELECTOR, "p.notice").text)
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Mark posted']"))
            self.assertIn("Batch marked posted on", driver.find_element(By.CSS_SELECTOR, "p.notice").text)
            # Returned mail folds out under a posted letter.
            driver.find_element(By.CSS_SELECTOR, "details.returned-mail summary").click()
            self.assertTrue(driver.find_element(By.CSS_SELECTOR, "details.returned-mail select").is_displayed())
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "clerk-print-3-posted-desk")
        finally:
            driver.quit()
        phone = browser(390, 844)
        try:
            self.sign_in(phone, "eve")
            phone.get(self.portal.url + "/staff/letters")
            self.assertEqual(axe_violations(phone), [])
            screenshot(phone, "clerk-print-4-room-phone")
        finally:
            phone.quit()

    def test_a_supervisor_follows_a_dashboard_figure_to_its_cases_and_an_auditor_verifies_the_trail(self):
        driver = browser(*DESK)
        try:
            self.sign_in(driver, "cleo")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Dashboard"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Dashboard")
            charts = driver.find_elements(By.CSS_SELECTOR, "svg.bar-chart[role=img]")
            self.assertGreaterEqual(len(charts), 6)
            self.assertTrue(charts[0].find_element(By.TAG_NAME, "title").get_attribute("textContent"))
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "dashboard-1-desk")

            # The web appeals received in the period, followed to their cases.
            web = driver.find_element(By.CSS_SELECTOR, "#received table tbody tr:first-child td:nth-child(2) a")
            count = int(web.text)
            self.assertGreater(count, 0)
            navigate(driver, web)
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Appeals received: Web")
            self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "table.queue a.case-link")), count)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "dashboard-2-figure-cases-desk")

            # A period that cannot be shown says why next to the field, keeping what was typed.
            navigate(driver, driver.find_element(By.LINK_TEXT, "Back to the dashboard"))
            driver.find_element(By.ID, "period-range").click()
            driver.execute_script("document.getElementById('from').value = '2026-12-01'; document.getElementById('to').value = '2026-11-01';")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Show']"))
            self.assertEqual(driver.find_element(By.ID, "to-error").text, "The last day must be on or after the first day")
            self.assertEqual(axe_violations(driver), [])
            self.sign_out(driver)

            self.sign_in(driver, "gus")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Audit trail"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Audit trail")
            first_case = driver.find_element(By.CSS_SELECTOR, "table.audit-trail a.reference")
            navigate(driver, first_case)
            references = {a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.audit-trail a.reference")}
            self.assertEqual(len(references), 1, "the trail of one case")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Verify the chain']"))
            self.assertIn("Audit trail intact", driver.find_element(By.CSS_SELECTOR, ".verification").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "audit-trail-desk")
        finally:
            driver.quit()

    def test_administration_pages_are_accessible(self):
        driver = browser(*DESK)
        try:
            self.sign_in(driver, "fay")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Administration"))
            for link, shot in [("Staff accounts and roles", "staff-admin-accounts"), ("Holidays", "staff-admin-holidays"),
                               ("Deadline policies", "staff-admin-policies"), ("Import tickets from a CSV file", "staff-admin-tickets"),
                               ("API keys", "staff-admin-api-keys")]:
                driver.get(self.portal.url + "/staff/admin")
                navigate(driver, driver.find_element(By.LINK_TEXT, link))
                self.assertEqual(axe_violations(driver), [], link)
                screenshot(driver, shot + "-desk")
        finally:
            driver.quit()

    def test_sign_in_page_is_accessible_and_says_what_went_wrong(self):
        driver = browser(*DESK)
        try:
            driver.get(self.portal.url + "/staff/queue")
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Sign in")
            driver.find_element(By.ID, "email").send_keys("ana@riverton.example")
            driver.find_element(By.ID, "password").send_keys("not the password")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertIn("The email address or password is not right", driver.find_element(By.CLASS_NAME, "error-summary").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "staff-0-sign-in-error-desk")
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
