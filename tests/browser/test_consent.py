"""Microsoft 365 consent from the tab. A person whose consent was withdrawn in the directory gets
403 `consent_required` from the API; inside Teams the tab opens /auth/consent with
`authentication.authenticate` (the simulator opens a real pop-up window, as Teams does), the
pop-up signs in against the stand-in Entra ID and ends on a page that calls
`authentication.notifySuccess`, and the tab retries and goes on. In a plain browser the page goes
to /auth/consent itself and comes back by the link on the last page.

teams-js opens only https pages in the pop-up, so these tests serve the app over https with a
certificate from the demo cloud's own test CA, on its own database and demo cloud, so that the
withdrawn consent does not touch the other browser tests. The browser trusts that one certificate
(its key is pinned at launch), as a browser trusts Microsoft's: Playwright's `ignore_https_errors`
instead answers a certificate error for each request, and on a busy machine a request that meets
a burst of others to the same server was restarted with one error after another until Chromium gave
up (net::ERR_TOO_MANY_RETRIES: the pop-up's POST to /auth/callback never left)."""

from __future__ import annotations

import base64
import hashlib
import re
import ssl
import threading
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from playwright.sync_api import expect
from sqlalchemy import delete
from werkzeug.serving import make_server

from plugin import create_app
from plugin.config import DEMO_CLIENT_ID, DEMO_TENANT_ID, settings_from_env
from plugin.demo import seed as demo_seed
from plugin.demo.people import DEMO_BY_KEY
from plugin.i18n import catalogue
from plugin.storage import TokenCacheEntry
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work

from .support import CHROMIUM, CHROMIUM_ARGS, REQUEST_TIMEOUT_S, STATE_TIMEOUT_MS, ConsoleWatch, wait_until

DA = catalogue("da")


class Gate:
    """WSGI middleware that can hold the requests for one path until it is opened again (to look
    at the tab while the pop-up is still on its way)."""

    def __init__(self, app, path: str) -> None:
        self.app = app
        self.path = path
        self.opened = threading.Event()
        self.opened.set()
        self.reached = threading.Event()
        self.method = ""

    def close(self) -> None:
        self.reached.clear()
        self.opened.clear()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == self.path:
            self.method = environ.get("REQUEST_METHOD", "")
            self.reached.set()
            self.opened.wait(timeout=60)
        return self.app(environ, start_response)


@dataclass
class HttpsApp:
    url: str
    app: object
    ca_file: str
    callback_gate: Gate

    @property
    def cloud(self):
        return self.app.extensions["mus.demo_cloud"]

    def token(self, person: str) -> str:
        response = requests.post(
            f"{self.url}/demo/idp/token",
            json={"person": person},
            verify=self.ca_file,
            timeout=REQUEST_TIMEOUT_S,
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def call(self, person: str, method: str, path: str, body=None) -> requests.Response:
        return requests.request(
            method,
            f"{self.url}{path}",
            json=body,
            headers={"Authorization": f"Bearer {self.token(person)}"},
            verify=self.ca_file,
            timeout=REQUEST_TIMEOUT_S,
        )

    def withdraw_consent(self, person: str) -> None:
        object_id = DEMO_BY_KEY[person].object_id
        self.cloud.directory.revoke(DEMO_TENANT_ID, object_id, DEMO_CLIENT_ID)
        # Graph tokens issued before stay valid until they expire: let this person's run out now.
        with self.app.app_context():
            db.session.execute(delete(TokenCacheEntry).where(TokenCacheEntry.object_id == object_id))
            db.session.commit()
        # And what the directory answered about them is kept for a short while: let it run out too.
        self.app.extensions["mus.directory_answers"].forget(DEMO_TENANT_ID, object_id)


@pytest.fixture(scope="module")
def https_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("https-app")
    environ = {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{folder / 'mus.sqlite3'}"}
    app = create_app(settings_from_env(environ, instance_path=str(folder)))
    with app.app_context():
        db.create_all()
        demo_seed.do_seed(new_unit_of_work())
    cloud = app.extensions["mus.demo_cloud"]
    gate = Gate(app, "/auth/callback")
    server = make_server("127.0.0.1", 0, gate, threaded=True, ssl_context=cloud.ca.server_context())
    url = f"https://127.0.0.1:{server.server_port}"
    cloud.directory.add_redirect_uri(DEMO_CLIENT_ID, f"{url}/auth/callback")
    thread = threading.Thread(target=server.serve_forever, name="browser-test-https-app", daemon=True)
    thread.start()
    yield HttpsApp(url, app, cloud.ca.ca_file, gate)
    gate.opened.set()
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    cloud.close()


def spki_pin(url: str) -> str:
    """base64(SHA-256(public key)) of the certificate the server at `url` presents: what Chromium's
    --ignore-certificate-errors-spki-list takes."""
    address = urlsplit(url)
    pem = ssl.get_server_certificate((address.hostname, address.port))
    key = x509.load_pem_x509_certificate(pem.encode("ascii")).public_key()
    spki = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


@pytest.fixture(scope="module")
def https_browser(browser, https_app: HttpsApp):
    """A Chromium that trusts the certificates of this module's app and its stand-in authority."""
    pins = sorted({spki_pin(https_app.url), spki_pin(https_app.cloud.entra.url)})
    trusting = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={','.join(pins)}"],
    )
    yield trusting
    trusting.close()


@pytest.fixture
def https_context(https_browser):
    context = https_browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
    context.set_default_timeout(STATE_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture(autouse=True)
def callback_gate_opened_after_each_test(https_app: HttpsApp):
    """A test that fails while it holds the pop-up at /auth/callback must not hold the next tests'
    sign-ins there too (each would then time out for a failure that was not theirs)."""
    yield
    https_app.callback_gate.opened.set()


class Console(ConsoleWatch):
    """ConsoleWatch that also keeps where each console error points (the failed resource's URL)."""

    def __init__(self) -> None:
        super().__init__()
        self.locations: list[str] = []

    def attach(self, page) -> None:
        super().attach(page)
        page.on("console", lambda m: m.type == "error" and self.locations.append(m.location.get("url", "")))

    def assert_only_the_refused_calls(self, page, app_url: str, path: str, times: int = 1) -> None:
        """The 403s that start the flow (which Chromium logs too) are the only errors of our pages;
        the stand-in authority's pages have no icon, so the browser's look for /favicon.ico there
        fails, which is not ours."""
        page.wait_for_timeout(150)  # lets the sync API deliver the events it has (see assert_clean)
        refused = [e for e in self.errors if e == f"HTTP 403: GET {app_url}{path}"]
        assert len(refused) == times, self.errors
        authority_icon = [
            u for u in self.locations if u.endswith("/favicon.ico") and not u.startswith(app_url)
        ]
        ours = [u for u in self.locations if u not in authority_icon]
        assert ours == [f"{app_url}{path}"] * times, self.locations
        console_errors = [e for e in self.errors if e.startswith("console.error")]
        assert len(console_errors) == len(ours) + len(authority_icon), self.errors
        assert [e for e in self.errors if e not in refused and e not in console_errors] == []


def plan_in_meeting(app: HttpsApp, meeting_key: str, title: str) -> None:
    jonas = DEMO_BY_KEY["jonas"]
    planned = app.call(
        "mette",
        "POST",
        "/api/conversations",
        {
            "kind": "mus",
            "title": title,
            "employee": {"object_id": jonas.object_id},
            "meeting": {"meeting_id": f"sim-meeting-{meeting_key}"},
        },
    )
    assert planned.status_code == 201, planned.text


def test_the_side_panel_asks_for_consent_in_a_popup_and_goes_on(https_app: HttpsApp, https_context):
    jonas = DEMO_BY_KEY["jonas"]
    meeting_key = f"consent{uuid.uuid4().hex[:8]}"
    title = "MUS med samtykke"
    plan_in_meeting(https_app, meeting_key, title)
    https_app.withdraw_consent("jonas")
    refused = https_app.call("jonas", "GET", "/api/me")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "consent_required"

    console = Console()
    page = https_context.new_page()
    console.attach(page)
    # Hold the pop-up's last step until the side panel has been seen asking.
    https_app.callback_gate.close()
    popup_pages = []
    https_context.on("page", lambda p: (popup_pages.append(p), console.attach(p)))

    page.goto(f"{https_app.url}/simulator/?meeting={meeting_key}&locale=da")
    panel = page.frame_locator('iframe[data-participant="jonas"][data-frame-context="sidePanel"]')
    status = panel.get_by_test_id("consent-status")
    status.get_by_text(DA["ui.consent.asking"]).wait_for()
    page.wait_for_function("() => window.simulatorLog.some((e) => e.func === 'authentication.authenticate')")
    wait_until(page, https_app.callback_gate.reached.is_set, what="the pop-up back at /auth/callback")
    # Playwright reports the pop-up over its own connection, which may come after the server saw it.
    wait_until(page, lambda: popup_pages, what="Playwright to report the pop-up")
    assert len(popup_pages) == 1
    popup = popup_pages[0]
    assert https_app.callback_gate.method == "POST"  # form_post: the code is never in a URL
    https_app.callback_gate.opened.set()

    wait_until(page, popup.is_closed, what="the pop-up to close itself")
    panel.get_by_role("heading", name=title).wait_for()
    assert panel.get_by_test_id("signed-in-name").inner_text() == jonas.name
    expect(status).to_have_text("", timeout=STATE_TIMEOUT_MS)  # no longer asking
    assert panel.get_by_test_id("error").count() == 0

    log = page.evaluate("window.simulatorLog")
    asked = [e for e in log if e["func"] == "authentication.authenticate" and e["direction"] == "app→host"]
    assert len(asked) == 1
    url, width, height = asked[0]["args"][:3]
    assert url == f"{https_app.url}/auth/consent?login_hint=jonas.nielsen%40demo.example&locale=da"
    assert (width, height) == (600, 535)
    answers = [e for e in log if e["func"] == "authentication.authenticate" and e["direction"] == "host→app"]
    assert [a["args"] for a in answers] == [[True, "consented"]]
    in_popup = [(e["direction"], e["func"], e["args"]) for e in log if e["frameContext"] == "authentication"]
    assert in_popup[0][:2] == ("app→host", "initialize")
    assert in_popup[1][:2] == ("host→app", "initialize") and in_popup[1][2][0] == "authentication"
    assert ("app→host", "authentication.authenticate.success", ["consented"]) in in_popup
    assert [e for e in log if e.get("unknown")] == []

    # The directory now holds Jonas's consent: the API answers with his manager.
    me = https_app.call("jonas", "GET", "/api/me")
    assert me.status_code == 200, me.text
    assert me.json()["manager"]["display_name"] == DEMO_BY_KEY["mette"].name
    console.assert_only_the_refused_calls(page, https_app.url, "/api/me")


def test_a_plain_browser_goes_to_the_consent_page_and_comes_back(https_app: HttpsApp, https_context):
    freja = DEMO_BY_KEY["freja"]
    https_app.withdraw_consent("freja")
    directory = https_app.cloud.directory
    directory.next_sign_in = directory.user(DEMO_TENANT_ID, freja.object_id)  # who signs in there
    console = Console()
    page = https_context.new_page()
    console.attach(page)
    try:
        page.goto(f"{https_app.url}/tab/personal")
        page.get_by_test_id("person-picker").locator('[data-person="freja"]').click()
        page.wait_for_url(f"{https_app.url}/auth/callback")
        page.locator("#consent-done").wait_for()
        back = page.get_by_role("link", name=DA["signin.consent_done.back"])
        back.wait_for()
        assert back.get_attribute("href") == "/tab/personal"
        assert page.locator("#consent-closing").is_hidden()
        back.click()
    finally:
        directory.next_sign_in = None
    page.wait_for_url(f"{https_app.url}/tab/personal")
    assert page.get_by_test_id("signed-in-name").inner_text() == freja.name
    page.get_by_role("heading", name=DA["ui.personal.heading"], level=1).wait_for()
    page.get_by_role("link", name="Check-in: Freja").wait_for()
    assert (
        https_app.call("freja", "GET", "/api/me").json()["manager"]["display_name"]
        == DEMO_BY_KEY["mette"].name
    )
    console.assert_only_the_refused_calls(page, https_app.url, "/api/me")


def test_a_closed_popup_is_no_dead_end(https_app: HttpsApp, https_context):
    """Closing the pop-up without consenting: the panel says what is needed and offers a retry,
    which opens the pop-up again."""
    meeting_key = f"cancel{uuid.uuid4().hex[:8]}"
    title = "MUS uden samtykke endnu"
    plan_in_meeting(https_app, meeting_key, title)
    https_app.withdraw_consent("jonas")
    console = Console()
    page = https_context.new_page()
    console.attach(page)
    # The person closes the window before answering (Entra records consent when they do).
    consent_page = re.compile(r"/auth/consent\?")
    held = []
    https_context.route(consent_page, lambda route: held.append(route))
    popups = []
    https_context.on("page", lambda p: (popups.append(p), console.attach(p)))

    page.goto(f"{https_app.url}/simulator/?meeting={meeting_key}&locale=da")
    panel = page.frame_locator('iframe[data-participant="jonas"][data-frame-context="sidePanel"]')
    wait_until(page, lambda: held, what="the pop-up asking for /auth/consent")
    held.pop().abort()  # (Playwright reports a pop-up once its first page is there)
    wait_until(page, lambda: popups, what="the pop-up's page")
    popups[0].close()
    error = panel.get_by_test_id("error")
    error.get_by_text(DA["consent_required"]).wait_for()
    expect(panel.get_by_test_id("consent-status")).to_have_text("", timeout=STATE_TIMEOUT_MS)
    log = page.evaluate("window.simulatorLog")
    answers = [
        e["args"] for e in log if e["func"] == "authentication.authenticate" and e["direction"] == "host→app"
    ]
    assert answers == [[False, "CancelledByUser"]]

    https_context.unroute(consent_page)
    error.get_by_role("button", name=DA["ui.common.retry"]).click()
    wait_until(page, lambda: len(popups) == 2, what="a second pop-up")
    wait_until(page, popups[1].is_closed, what="the second pop-up to close itself")
    panel.get_by_role("heading", name=title).wait_for()
    assert panel.get_by_test_id("error").count() == 0
    log = page.evaluate("window.simulatorLog")
    answers = [
        e["args"] for e in log if e["func"] == "authentication.authenticate" and e["direction"] == "host→app"
    ]
    assert answers == [[False, "CancelledByUser"], [True, "consented"]]
    console.assert_only_the_refused_calls(page, https_app.url, "/api/me", times=2)
