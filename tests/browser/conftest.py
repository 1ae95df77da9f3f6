"""Browser tests: the real app in demo mode on a fresh SQLite database, served by Werkzeug on a
loopback port in a background thread, driven by Playwright with Debian's Chromium.

Playwright's own browser download is not used. A missing Chromium (or Playwright) fails these
tests: they are part of the suite, not optional."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from plugin import create_app
from plugin.config import settings_from_env
from plugin.demo import seed as demo_seed
from plugin.pages import assets
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work

from .support import CHROMIUM, CHROMIUM_ARGS, STATE_TIMEOUT_MS, ConsoleWatch, LiveApp, Simulator


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    if assets.BuildManifest().entry("tab") is None:
        pytest.fail("the front end is not built: run `npm ci && npm run build` in web/ (make test does)")
    folder = tmp_path_factory.mktemp("browser-app")
    environ = {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{folder / 'mus.sqlite3'}"}
    app = create_app(settings_from_env(environ, instance_path=str(folder)))
    with app.app_context():
        db.create_all()
        demo_seed.do_seed(new_unit_of_work())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="browser-test-app", daemon=True)
    thread.start()
    yield LiveApp(f"http://127.0.0.1:{server.server_port}", app)
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    app.extensions["mus.demo_cloud"].close()


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
