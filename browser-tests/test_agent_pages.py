"""The phone agent's console in a real browser: find a caller's cases by their number, read the script, log the call
with the keyboard only."""
import datetime
import os
import unittest
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from portal import Portal, axe_violations, browser, sign_in, navigate, screenshot, wait_replaced

DESK = (1280, 800)
PHONE = (390, 844)


class AgentPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.portal.__exit__(None, None, None)

    def sign_in(self, driver, who):
        sign_in(driver, self.portal, who)

    def test_an_agent_finds_the_callers_cases_reads_the_script_and_logs_the_call_by_keyboard(self):
        db = self.portal.db()
        expected = {row[0] for row in db.execute("SELECT case_reference FROM appeals WHERE mobile_e164 = '+15550101000'")}
        db.close()
        self.assertGreaterEqual(len(expected), 2, "the demo's Maria Garcia has several appeals")
        driver = browser(*DESK)
        try:
            self.sign_in(driver, "dan")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Find a case"))
            box = driver.switch_to.active_element
            self.assertEqual(box.get_attribute("id"), "q", "the search box has the focus")
            page = driver.find_element(By.TAG_NAME, "html")
            box.send_keys("(555) 010-1000", Keys.ENTER)
            wait_replaced(driver, page)
            links = driver.find_elements(By.CSS_SELECTOR, "a.case-link")
            found = {link.get_attribute("href").rsplit("/", 1)[1] for link in links}
            self.assertEqual(found, expected)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "agent-1-search-desk")

            # j focuses the first case, Enter opens it.
            driver.find_element(By.TAG_NAME, "body").send_keys("j")
            first = driver.switch_to.active_element
            self.assertIn("case-link", first.get_attribute("class"))
            page = driver.find_element(By.TAG_NAME, "html")
            first.send_keys(Keys.ENTER)
            wait_replaced(driver, page)
            script = driver.find_element(By.CSS_SELECTOR, "[data-script]").text
            self.assertGreater(len(script), 30, script)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "agent-2-case-desk")

            # The call, with the keyboard only: reason, outcome, resolved, note, send.
            reason = driver.find_element(By.ID, "call_reason")
            driver.execute_script("arguments[0].focus()", reason)
            active = driver.switch_to.active_element
            active.send_keys("Asked")
            active.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys("Answered")
            driver.switch_to.active_element.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys(Keys.SPACE)
            self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "call_resolved_yes")
            driver.switch_to.active_element.send_keys(Keys.TAB)
            driver.switch_to.active_element.send_keys("Read her the status; she will send the permit photo.")
            driver.switch_to.active_element.send_keys(Keys.TAB)
            page = driver.find_element(By.TAG_NAME, "html")
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            wait_replaced(driver, page)
            timeline = driver.find_element(By.ID, "timeline").text
            self.assertIn("Phone call", timeline)
            self.assertIn("Asked where the appeal stands · Answered on the call · resolved on the call", timeline)
            self.assertIn("Read her the status; she will send the permit photo.", timeline)
            screenshot(driver, "agent-3-call-logged-desk")
        finally:
            driver.quit()

    def test_the_search_on_a_phone_and_a_reference_with_a_typo(self):
        db = self.portal.db()
        reference = db.execute("SELECT reference FROM cases ORDER BY reference LIMIT 1").fetchone()[0]
        db.close()
        alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
        typo = reference[:4] + alphabet[(alphabet.index(reference[4]) + 1) % len(alphabet)] + reference[5:]
        driver = browser(*PHONE)
        try:
            self.sign_in(driver, "dan")
            driver.get(self.portal.url + "/agent?q=" + typo.lower())
            self.assertIn("This reference has a typo", driver.find_element(By.CSS_SELECTOR, ".notice").text)
            found = {link.get_attribute("href").rsplit("/", 1)[1] for link in driver.find_elements(By.CSS_SELECTOR, "a.case-link")}
            self.assertIn(reference, found)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "agent-4-typo-phone")
        finally:
            driver.quit()

    def test_a_clerk_enters_an_appeal_that_came_by_post_with_its_scanned_letter(self):
        number, plate = self.portal.unappealed_ticket()
        scan = os.path.join(os.path.dirname(__file__), "..", "Tests", "AppealsEvidenceTests", "Corpus", "three-pages.pdf")
        # Today where the authority is (the portal's default zone), not on this machine: from 00:00 UTC until
        # midnight in New York the machine's date is a postmark in the future, which is rightly refused.
        posted = datetime.datetime.now(ZoneInfo("America/New_York")).date().isoformat()
        driver = browser(*DESK)
        try:
            self.sign_in(driver, "eve")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Enter an appeal"))
            self.assertEqual(driver.find_element(By.ID, "arrived_by-mail").get_attribute("checked"), "true")
            driver.execute_script("document.getElementById('posted_on').value = arguments[0]", posted)
            driver.find_element(By.ID, "ticket_number").send_keys(number)
            driver.find_element(By.ID, "plate").send_keys(plate)
            driver.find_element(By.ID, "ground_signs_unclear").click()
            driver.find_element(By.ID, "statement").send_keys("The letter says the sign was hidden by scaffolding.")
            driver.find_element(By.ID, "name").send_keys("Nguyễn Thị Ánh")
            driver.find_element(By.ID, "address").send_keys("4 Harbour Road\nRiverton RV 20502")
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "clerk-1-paper-appeal-desk")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.intake-form button[type=submit]"))
            self.assertIn("Check and file the appeal", driver.find_element(By.TAG_NAME, "h1").text,
                          driver.find_element(By.TAG_NAME, "main").text[:600])
            driver.find_element(By.ID, "evidence").send_keys(os.path.abspath(scan))
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.upload-form button[type=submit]"))
            self.assertIn("three-pages.pdf", driver.find_element(By.CSS_SELECTOR, ".evidence-list").text)
            self.assertEqual(axe_violations(driver), [])
            screenshot(driver, "clerk-2-paper-appeal-files-desk")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.file-appeal button"))
            self.assertIn("/staff/cases/", driver.current_url)
            self.assertIn("Nguyễn Thị Ánh", driver.find_element(By.TAG_NAME, "main").text)
            self.assertIn("three-pages.pdf", driver.find_element(By.TAG_NAME, "main").text)
            screenshot(driver, "clerk-3-paper-appeal-filed-desk")
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
