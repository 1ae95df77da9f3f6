"""Browser tests: the real app in demo mode on a fresh SQLite database, served by Werkzeug on a
loopback port in a background thread, driven by Playwright with Debian's Chromium.

Playwright's own browser download is not used. A missing Chromium (or Playwright) fails these
tests: they are part of the suite, not optional."""

from __future__ import annotations

import pytest

from plugin.pages import assets

from .support import CHROMIUM, CHROMIUM_ARGS, STATE_TIMEOUT_MS, ConsoleWatch, Simulator, demo_app_served


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    if assets.BuildManifest().entry("tab:sidepanel") is None:
        pytest.fail("the front end is not built: run `npm ci && npm run build` in web/ (make test does)")
    with demo_app_served(tmp_path_factory.mktemp("browser-app"), "browser-test-app") as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM} for the browser tests (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is needed for the browser tests (the `test` extras install it)")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(STATE_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def console():
    return ConsoleWatch()


@pytest.fixture
def page(context, console):
    page = context.new_page()
    console.attach(page)
    return page


@pytest.fixture
def simulator(page, live_app) -> Simulator:
    return Simulator(page, live_app)
