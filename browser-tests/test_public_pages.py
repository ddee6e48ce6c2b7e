"""The public pages in a real browser: accessible (axe, WCAG 2.1 AA), usable by keyboard, fitting a phone."""
import os
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from portal import Portal, axe_violations, browser, navigate, screenshot, wait_replaced

PHONE = (390, 844)
DESK = (1280, 800)
PHOTO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     "Tests", "AppealsEvidenceTests", "Corpus", "orientation-6.jpg")


class PublicPagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = Portal().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.portal.__exit__(None, None, None)
        # Graceful shutdown on SIGTERM: the process ends by itself, with status 0.
        assert cls.portal.exit_code == 0, f"serve exited with {cls.portal.exit_code} on SIGTERM"

    def check_accessible(self, driver):
        self.assertEqual(axe_violations(driver), [])

    def test_start_page_on_a_phone_is_accessible_and_fits(self):
        driver = browser(*PHONE)
        try:
            driver.get(self.portal.url + "/")
            self.assertIn("Appeal a parking ticket", driver.find_element(By.TAG_NAME, "h1").text)
            self.check_accessible(driver)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            self.assertLessEqual(overflow, 0, "the page scrolls sideways on a phone")
            screenshot(driver, "start-phone")
        finally:
            driver.quit()

    def test_start_page_on_a_desk_monitor(self):
        driver = browser(*DESK)
        try:
            driver.get(self.portal.url + "/")
            self.check_accessible(driver)
            width = driver.execute_script("return document.querySelector('main').getBoundingClientRect().width")
            self.assertLess(width, 1000, "text runs the full width of a wide screen")
            screenshot(driver, "start-desk")
        finally:
            driver.quit()

    def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(self):
        driver = browser(*DESK)
        try:
            driver.get(self.portal.url + "/")
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            active = driver.switch_to.active_element
            self.assertEqual(active.text, "Skip to main content")
            self.assertTrue(active.is_displayed())
            active.send_keys(Keys.ENTER)
            self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "main")
        finally:
            driver.quit()

    def demo_case(self, state):
        db = self.portal.db()
        return db.execute("SELECT c.reference, t.plate FROM cases c JOIN tickets t ON t.ticket_number = c.ticket_number "
                          "WHERE c.state = ? LIMIT 1", (state,)).fetchone()

    def fill_status_form(self, driver, reference, plate):
        driver.find_element(By.ID, "reference").send_keys(reference)
        driver.find_element(By.ID, "plate").send_keys(plate)
        navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    def test_status_page_from_the_start_page_on_a_phone(self):
        reference, plate = self.demo_case("awaiting_citizen")
        driver = browser(*PHONE)
        try:
            driver.get(self.portal.url + "/")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Check the status of your appeal"))
            self.check_accessible(driver)
            screenshot(driver, "status-find-phone")
            # A mistyped reference: the error summary and the field error, the typed answers kept.
            self.fill_status_form(driver, reference[:4] + ("A" if reference[4] != "A" else "B") + reference[5:], plate)
            summary = driver.find_element(By.CLASS_NAME, "error-summary")
            self.assertIn("Check the case reference", summary.text)
            self.assertEqual(driver.find_element(By.ID, "plate").get_attribute("value"), plate)
            self.check_accessible(driver)
            screenshot(driver, "status-error-phone")
            # Corrected: the plain-language status, lower-case and with dashes as people type it.
            driver.find_element(By.ID, "reference").clear()
            self.fill_status_form(driver, reference[:3].lower() + "-" + reference[3:6] + "-" + reference[6:], "")
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "We need more information from you")
            self.check_accessible(driver)
            screenshot(driver, "status-phone")
            # The citizen answers the request for information right there.
            driver.find_element(By.ID, "answer").send_keys("My permit number is 4471; it was on the dashboard.")
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Send answer']"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "A reviewer is looking at your appeal")
            self.assertIn("We received your answer.", driver.find_element(By.CLASS_NAME, "timeline").text)
        finally:
            driver.quit()

    def test_decided_status_on_a_desk_monitor(self):
        reference, plate = self.demo_case("decided")
        driver = browser(*DESK)
        try:
            driver.get(self.portal.url + "/status")
            self.fill_status_form(driver, reference, plate)
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "We have decided your appeal")
            self.check_accessible(driver)
            screenshot(driver, "status-decided-desk")
        finally:
            driver.quit()

    def test_appeal_journey_from_the_start_page_on_a_phone(self):
        self.journey(PHONE, "phone")

    def test_appeal_journey_from_the_start_page_on_a_desk_monitor(self):
        self.journey(DESK, "desk")

    def journey(self, size, device):
        driver = browser(*size)
        try:
            ticket, plate = self.portal.unappealed_ticket()
            driver.get(self.portal.url + "/")
            navigate(driver, driver.find_element(By.LINK_TEXT, "Start now"))
            self.check_accessible(driver)
            screenshot(driver, "appeal-1-ticket-" + device)
            driver.find_element(By.ID, "ticket_number").send_keys(ticket)
            driver.find_element(By.ID, "plate").send_keys(plate.lower())
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Why should we cancel this ticket?")
            # Continue without a reason: both errors, summary first.
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertIn("Select at least one reason", driver.find_element(By.CLASS_NAME, "error-summary").text)
            self.check_accessible(driver)
            screenshot(driver, "appeal-2-details-error-" + device)
            driver.find_element(By.CSS_SELECTOR, "label[for=ground_permit_displayed]").click()
            driver.find_element(By.ID, "statement").send_keys("My permit was on the dashboard, facing up.")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            # Evidence: a photo taken sideways (EXIF orientation 6) comes back as an upright thumbnail.
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Add photos or documents")
            self.check_accessible(driver)
            screenshot(driver, "appeal-3-evidence-" + device)
            driver.find_element(By.ID, "evidence").send_keys(PHOTO)
            # While the files go, the page says so (held back here for a look, then sent).
            driver.execute_script("document.querySelector('form[data-upload]').addEventListener('submit', e => e.preventDefault())")
            driver.find_element(By.XPATH, "//button[text()='Upload files']").click()
            status = driver.find_element(By.CSS_SELECTOR, "[data-upload-status]")
            self.assertTrue(status.is_displayed())
            self.assertIn("Sending 1 file", status.text)
            screenshot(driver, "appeal-3-evidence-sending-" + device)
            form = driver.find_element(By.CSS_SELECTOR, "form[data-upload]")
            page = driver.find_element(By.TAG_NAME, "html")
            driver.execute_script("arguments[0].submit()", form)
            wait_replaced(driver, page)
            thumbnail = driver.find_element(By.CSS_SELECTOR, ".evidence-item img")
            size = driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", thumbnail)
            self.assertEqual(size, [120, 80], "the thumbnail is the upright photo")
            self.check_accessible(driver)
            screenshot(driver, "appeal-3-evidence-added-" + device)
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
            self.check_accessible(driver)
            screenshot(driver, "appeal-4-contact-" + device)
            driver.find_element(By.ID, "name").send_keys("Nguyễn Thị Ánh")
            driver.find_element(By.ID, "address").send_keys("12 Harbor Ave\nApt 3")
            driver.find_element(By.ID, "city").send_keys("Riverton")
            driver.find_element(By.ID, "region").send_keys("RV")
            driver.find_element(By.ID, "email").send_keys("anh@example.org")
            driver.find_element(By.CSS_SELECTOR, "label[for=channel-email]").click()
            # No ZIP code: the error is beside its field, linked from the summary, and every other answer stays.
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertIn("Enter the ZIP code, like 20501", driver.find_element(By.CLASS_NAME, "error-summary").text)
            self.assertEqual(driver.find_element(By.ID, "postal_code").get_attribute("aria-invalid"), "true")
            self.assertEqual(driver.find_element(By.ID, "city").get_attribute("value"), "Riverton")
            self.assertEqual(driver.find_element(By.ID, "address").get_attribute("value"), "12 Harbor Ave\nApt 3")
            self.check_accessible(driver)
            screenshot(driver, "appeal-4-contact-error-" + device)
            driver.find_element(By.ID, "postal_code").send_keys("20501")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Check your answers before sending your appeal")
            self.check_accessible(driver)
            self.assertIn("orientation-6.jpg", driver.find_element(By.TAG_NAME, "main").text)
            screenshot(driver, "appeal-5-check-" + device)
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            reference = driver.find_element(By.CLASS_NAME, "panel-reference").text
            self.assertRegex(reference, r"^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$")
            self.check_accessible(driver)
            screenshot(driver, "appeal-6-confirmation-" + device)
            # Shown once: a reload (the next person at a shared computer) sees neither the reference nor the answers.
            driver.refresh()
            self.assertIn("shown once", driver.find_element(By.TAG_NAME, "main").text)
            self.assertNotIn(reference, driver.page_source)
            self.check_accessible(driver)
            screenshot(driver, "appeal-6-confirmation-reloaded-" + device)
            driver.get(self.portal.url + "/appeal/check")
            self.assertNotIn("Nguyễn", driver.page_source)
            driver.get(self.portal.url + "/appeal/confirmation")
            # The reference opens the status page; the citizen then withdraws, after confirming.
            navigate(driver, driver.find_element(By.LINK_TEXT, "check its status"))
            self.fill_status_form(driver, reference, plate)
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "We have your appeal")
            screenshot(driver, "appeal-7-status-" + device)
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Withdraw this appeal']"))
            self.check_accessible(driver)
            screenshot(driver, "appeal-8-withdraw-" + device)
            navigate(driver, driver.find_element(By.XPATH, "//button[text()='Yes, withdraw my appeal']"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "You withdrew this appeal")
        finally:
            driver.quit()

    def test_a_filled_hidden_field_asks_once_to_continue_again_and_keeps_what_was_typed(self):
        # Autofill can fill the honeypot too: the person is asked to press Continue again, never told a falsehood.
        driver = browser(*PHONE)
        try:
            ticket, plate = self.portal.unappealed_ticket()
            driver.get(self.portal.url + "/appeal/ticket")
            driver.find_element(By.ID, "ticket_number").send_keys(ticket)
            driver.find_element(By.ID, "plate").send_keys(plate)
            driver.execute_script("document.getElementById('website').value = 'https://autofill.example'")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertIn("press Continue again", driver.find_element(By.CLASS_NAME, "notice").text)
            self.assertEqual(driver.find_element(By.ID, "ticket_number").get_attribute("value"), ticket)
            self.assertNotIn("could not find", driver.page_source)
            self.check_accessible(driver)
            screenshot(driver, "appeal-1-ticket-continue-again-phone")
            navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Why should we cancel this ticket?")
        finally:
            driver.quit()

    def test_not_found_page_looks_like_the_rest_of_the_site(self):
        driver = browser(*PHONE)
        try:
            driver.get(self.portal.url + "/no/such/page")
            self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text, "Page not found")
            self.assertTrue(driver.find_element(By.CLASS_NAME, "site-header").is_displayed())
            self.check_accessible(driver)
            screenshot(driver, "not-found-phone")
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
