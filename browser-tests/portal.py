"""Runs the real portal binary on a throw-away SQLite database with demo data, and drives headless chromium."""
import contextlib
import os
import sqlite3
import socket
import subprocess
import tempfile
import time
import urllib.request

from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREENSHOTS = os.path.join(ROOT, ".build", "screenshots")


def binary():
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "appeals")


class Portal:
    """`appeals demo` then `appeals serve` on a free port, stopped with SIGTERM."""

    def __enter__(self):
        self.data = tempfile.TemporaryDirectory(prefix="appeals-browser-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, DATA_DIR=self.data.name, UPLOADS_DIR=os.path.join(self.data.name, "uploads"),
                   PORT=str(self.port), HOST="127.0.0.1", LOG_LEVEL="warning",
                   FORM_MINIMUM_FILL_SECONDS="0")  # selenium types faster than people
        env.pop("DATABASE_URL", None)
        subprocess.run([binary(), "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
        self.log = open(os.path.join(self.data.name, "serve.log"), "w")
        self.process = subprocess.Popen([binary(), "serve"], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("portal did not start; see " + self.log.name)

    def db(self):
        """The portal's SQLite file, for finding test data."""
        return sqlite3.connect(os.path.join(self.data.name, "appeals.sqlite"))

    def unappealed_ticket(self):
        """The newest ticket nobody has appealed yet: (number, plate)."""
        with contextlib.closing(self.db()) as db:
            return db.execute("SELECT ticket_number, plate FROM tickets WHERE ticket_number NOT IN (SELECT ticket_number FROM cases) "
                              "ORDER BY issued_at DESC LIMIT 1").fetchone()

    def __exit__(self, *exc):
        self.process.terminate()
        code = self.process.wait(timeout=15)
        self.log.close()
        self.data.cleanup()
        self.exit_code = code


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(arg)
    if width < 500:  # headless chromium's windows are at least 500 px wide: emulate the phone's viewport instead
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(10)
    return driver


def navigate(driver, element):
    """Clicks a link or a submit button and waits until the next page has replaced this one (a loaded machine
    can be slower than selenium's own wait)."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_replaced(driver, page)


def wait_replaced(driver, page):
    """Waits until `page` (the old document's html element) is no longer the document."""
    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # stale, or chromium's "node does not belong to the document": the page went
            return True

    WebDriverWait(driver, 30).until(replaced)


def screenshot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, name + ".png")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    if width >= 500:
        driver.set_window_size(width, max(height, 600))
    else:  # an emulated phone: make the emulated viewport as tall as the page
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": max(height, 600), "deviceScaleFactor": 1, "mobile": True})
    driver.save_screenshot(path)
    return path


PASSWORD = "riverton-demo-2026"  # printed by `appeals demo`


def sign_in(driver, portal, who):
    """Signs a demo member of staff in."""
    driver.get(portal.url + "/staff/sign-in")
    driver.find_element(By.ID, "email").send_keys(f"{who}@riverton.example")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))


def axe_violations(driver):
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the current page, one line each."""
    Axe(driver).inject()
    driver.set_script_timeout(60)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
          .catch(e => done(['axe failed: ' + e]));
    """)
