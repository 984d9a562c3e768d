"""Drive Neo4j Browser 5 in headless Chromium (Selenium + Debian's chromedriver): connect, run commands, read frames.

Neo4j Browser is a React app, so every step waits for the element it needs rather than sleeping.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Quiet, isolated, root-safe headless Chromium: no sandbox (we run as root in CI containers), no GPU, no
# background traffic to Google, a fresh profile each time.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1440,1000",
)
TIMEOUT_S = 60


@contextmanager
def headless_chromium() -> Iterator[WebDriver]:
    """A Chromium session driven through /usr/bin/chromedriver (Selenium Manager never downloads anything)."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="malikg-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield browser
        finally:
            browser.quit()


class Neo4jBrowserPage:
    """The Neo4j Browser web app served by a Neo4j server at `http_url`/browser/."""

    def __init__(self, browser: WebDriver, http_url: str) -> None:
        self.browser = browser
        self.http_url = http_url.rstrip("/")
        self.wait = WebDriverWait(browser, TIMEOUT_S)

    def connect(self, bolt_uri: str, user: str = "", password: str = "") -> None:
        """Open the Browser and connect to `bolt_uri` as `user`/`password` (the local server always has one);
        without a password, with "No authentication" (a server with authentication off)."""
        self.browser.get(f"{self.http_url}/browser/?dbms={bolt_uri}")
        address = self.wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="boltaddress"]')))
        scheme, _, host = bolt_uri.partition("://")
        Select(self.browser.find_element(By.CSS_SELECTOR, '[data-testid="bolt-scheme-select"]')).select_by_value(
            f"{scheme}://"
        )
        if address.get_attribute("value") != host:  # React ignores clear(): select all and type over it
            address.send_keys(Keys.CONTROL, "a")
            address.send_keys(host)
        method = Select(self.browser.find_element(By.CSS_SELECTOR, '[data-testid="authenticationMethod"]'))
        if password:
            method.select_by_value("NATIVE")
            self.browser.find_element(By.CSS_SELECTOR, '[data-testid="username"]').send_keys(user)
            self.browser.find_element(By.CSS_SELECTOR, '[data-testid="password"]').send_keys(password)
        else:
            method.select_by_value("NO_AUTH")
        self.browser.find_element(By.CSS_SELECTOR, '[data-testid="connect"]').click()
        # The "Database access not available" banner goes away once the Bolt connection is up.
        self.wait.until(ec.invisibility_of_element_located((By.CSS_SELECTOR, '[data-testid="disconnectedBanner"]')))
        # The connect frame then says "Connected" / "You are connected as ...".
        stream = self.browser.find_element(By.CSS_SELECTOR, '[data-testid="stream"]')
        self.wait.until(lambda _: "connected" in stream.text.lower())

    def run(self, command: str) -> WebElement:
        """Type `command` into the editor as a user would, run it, and return its (new) result frame."""
        before = len(self.frames())
        self.type_and_run(command)
        self.wait.until(lambda _: len(self.frames()) > before)
        return self.frames()[0]

    def type_and_run(self, command: str) -> None:
        """Type `command` into the editor and press the Run button (for commands that open no frame, e.g. `:guide`)."""
        editor = self.wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="activeEditor"]')))
        editor.click()
        typing = self.browser.switch_to.active_element
        typing.send_keys(Keys.CONTROL, "a")
        typing.send_keys(Keys.DELETE)
        typing.send_keys(command)
        self.browser.find_element(By.CSS_SELECTOR, '[data-testid="editor-Run"]').click()

    def frames(self) -> list[WebElement]:
        """Result frames, newest first."""
        return self.browser.find_elements(By.CSS_SELECTOR, '[data-testid="frame"]')

    def editor_text(self) -> str:
        """What the editor currently holds (Monaco's rendered lines)."""
        return self.browser.find_element(By.CSS_SELECTOR, '[data-testid="activeEditor"] .view-lines').text

    def show_table(self, frame: WebElement) -> None:
        """Switch a result frame to its Table view."""
        frame.find_element(By.XPATH, ".//div[normalize-space(text())='Table']").click()
        self.wait.until(lambda _: frame.find_elements(By.CSS_SELECTOR, "table tbody tr"))

    def table_records(self, frame: WebElement) -> list[dict[str, str]]:
        """The rows of a frame's Table view as {column: text shown}; strings are shown JSON-quoted."""
        header = [cell.text for cell in frame.find_elements(By.CSS_SELECTOR, "table thead th")]
        rows = frame.find_elements(By.CSS_SELECTOR, "table tbody tr")
        return [
            dict(zip(header, (cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")), strict=True))
            for row in rows
        ]
