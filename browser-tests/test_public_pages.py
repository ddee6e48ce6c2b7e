"""The public pages in a real browser: accessible (axe, WCAG 2.1 AA), usable by keyboard, fitting a phone."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from portal import Portal, axe_violations, browser, screenshot

PHONE = (375, 812)
DESK = (1440, 900)


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
