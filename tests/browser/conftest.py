"""A real server and Debian's Chromium, driven by Playwright (never Playwright's own browser
downloads: ``make test`` installs ``chromium`` with scripts/ensure-debian-packages.sh).

Every page opened through the ``page`` fixture fails the test on a console error or an
uncaught script exception, and screenshots go to $NABLALAB_ARTIFACTS or build/screenshots.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from tests.web.test_serve import clean_env, free_port, nablalab, wait_for

# Playwright's sync API keeps an asyncio loop on this thread for the whole session, and Django
# then refuses database calls from it. In a pytest-xdist worker the same process may go on to
# the web tests (their test database set-up): they are synchronous, so allow it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def artefacts() -> Path:
    folder = Path(os.environ.get("NABLALAB_ARTIFACTS") or REPOSITORY / "build" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> str:
    """`nablalab serve` on a free port with a data dir made from nothing; its base URL."""
    folder = tmp_path_factory.mktemp("browser-site")
    port = free_port()
    log = folder / "serve.log"
    env = clean_env()
    if os.environ.get("NABLALAB_CONTENT_DIR"):  # e.g. a content folder being written
        env["NABLALAB_CONTENT_DIR"] = os.environ["NABLALAB_CONTENT_DIR"]
    with log.open("w") as out:
        process = subprocess.Popen(
            nablalab("serve", "--port", str(port), "--data-dir", str(folder / "data"),
                     "--workers", "1"),
            stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> BrowserContext:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-debian-packages.sh chromium")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            # headless=False: Playwright must not add its own --headless; ours is in the args.
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=False,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(site, browser) -> Page:
    """A fresh tab that fails the test on console errors, script exceptions and HTTP errors.

    (Asking for ``site`` first starts the server before the browser and stops it after, so
    no open keep-alive connection delays its shutdown.)"""
    errors: list[str] = []
    browser.clear_cookies()  # every test starts signed out, whatever the last one did
    tab = browser.new_page()
    expected = EXPECTED_STATUSES.setdefault(id(tab), set())
    tab.on("console", lambda message: errors.append(f"console: {message.text}")
           if message.type == "error" and not _expected_load_failure(message.text, expected)
           else None)
    tab.on("pageerror", lambda error: errors.append(f"exception: {error}"))
    tab.on("response", lambda response: errors.append(
        f"HTTP {response.status}: {response.url}")
        if response.status >= 400 and response.status not in expected else None)
    tab.set_default_timeout(10_000)
    yield tab
    tab.close()
    EXPECTED_STATUSES.pop(id(tab), None)
    assert not errors, "the browser reported errors:\n" + "\n".join(errors)


# HTTP error statuses a test provokes on purpose (bad input refused with 422, say), per tab.
EXPECTED_STATUSES: dict[int, set[int]] = {}


def expect_http_status(page: Page, status: int) -> None:
    """Let this tab receive ``status`` without failing the test: the test asserts on it."""
    EXPECTED_STATUSES[id(page)].add(status)


def _expected_load_failure(text: str, expected: set[int]) -> bool:
    # Chromium logs every failed fetch as a console error with its status.
    return any(f"status of {status}" in text for status in expected)
