"""Helpers for the browser tests: the live demo app, a console watcher, and the Teams simulator."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
from flask import Flask
from werkzeug.serving import make_server

from plugin import create_app
from plugin.config import settings_from_env
from plugin.demo import seed as demo_seed
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work

if TYPE_CHECKING:  # Playwright itself is imported by the `browser` fixture: without it, these tests fail
    from playwright.sync_api import ConsoleMessage, Frame, FrameLocator, Locator, Page, Response

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
INITIALIZED_WITHIN_MS = 3000
# How long a test waits for a state (an element, a log entry, a page's answer) before it fails. The
# suite must pass on a loaded two-core machine (`stress-ng --cpu 2` beside it), where a page load or
# a round trip through both tabs and the server takes several times what it takes on an idle one:
# generous, since a test that gets its state goes on at once.
STATE_TIMEOUT_MS = 30_000
REQUEST_TIMEOUT_S = STATE_TIMEOUT_MS / 1000  # the tests' own calls to the app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def demo_app_served(folder: Path, name: str) -> Iterator[LiveApp]:
    """The app in demo mode on a fresh, seeded SQLite database in `folder`, served by Werkzeug on a
    loopback port in a background thread."""
    environ = {"MUS_DEMO": "1", "MUS_DATABASE_URL": f"sqlite:///{folder / 'mus.sqlite3'}"}
    app = create_app(settings_from_env(environ, instance_path=str(folder)))
    with app.app_context():
        db.create_all()
        demo_seed.do_seed(new_unit_of_work())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield LiveApp(f"http://127.0.0.1:{server.server_port}", app)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        app.extensions["mus.demo_cloud"].close()


@dataclass
class LiveApp:
    """The real app in demo mode, served on a loopback port by a background thread."""

    url: str
    app: Flask

    def token(self, person: str) -> str:
        response = requests.post(
            f"{self.url}/demo/idp/token", json={"person": person}, timeout=REQUEST_TIMEOUT_S
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def api(self, person: str, method: str, path: str, body: Any = None) -> Any:
        response = requests.request(
            method,
            f"{self.url}{path}",
            json=body,
            headers={"Authorization": f"Bearer {self.token(person)}"},
            timeout=REQUEST_TIMEOUT_S,
        )
        assert response.ok, (response.status_code, response.text)
        return response.json()

    def conversations_in(self, meeting_id: str, person: str = "mette") -> list[dict]:
        return self.api(person, "GET", f"/api/conversations?meeting_id={meeting_id}")["items"]

    def plan_for_meeting(self, meeting_id: str, title: str) -> dict:
        jonas = self.api("jonas", "GET", "/api/me")
        return self.api(
            "mette",
            "POST",
            "/api/conversations",
            {
                "kind": "mus",
                "title": title,
                "employee": {"object_id": jonas["object_id"]},
                "meeting": {"meeting_id": meeting_id},
            },
        )


NO_PHOTO = re.compile(r"/api/people/[0-9a-f-]{36}/photo$")


@dataclass
class ConsoleWatch:
    """Console errors, uncaught exceptions and failed responses of a page and all its frames."""

    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not (
            "404" in message.text and NO_PHOTO.search((message.location or {}).get("url") or "")
        ):
            self.errors.append(f"console.error: {message.text}")

    def _response(self, response: Response) -> None:
        if response.status == 404 and NO_PHOTO.search(response.url):
            return  # a person without a profile photo: the API's documented answer (initials shown)
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def assert_clean(self, page: Page, *, expected: Callable[[str], bool] | None = None) -> None:
        """No errors, apart from those `expected` names (a refusal the test provoked on purpose)."""
        # Not a wait for something to happen: the sync API delivers the events that already reached
        # it (console messages, responses) only while a Playwright call is running, so this lets
        # those of the test's last steps in before the check.
        page.wait_for_timeout(150)
        assert [e for e in self.errors if not (expected and expected(e))] == []


class Simulator:
    """The Teams simulator page: a meeting with Mette (left) and Jonas (right)."""

    def __init__(self, page: Page, live: LiveApp) -> None:
        self.page = page
        self.live = live
        self.meeting_key = f"t{uuid.uuid4().hex[:12]}"
        self.meeting_id = f"sim-meeting-{self.meeting_key}"

    def open(self, locale: str = "da", **participant_locales: str) -> Simulator:
        """`participant_locales`, e.g. jonas="en": that participant's Teams runs in another language."""
        own = "".join(f"&locale.{key}={value}" for key, value in participant_locales.items())
        self.page.goto(f"{self.live.url}/simulator/?meeting={self.meeting_key}&locale={locale}{own}")
        return self

    # --- the protocol log --------------------------------------------------------------------

    def log(self) -> list[dict]:
        return self.page.evaluate("window.simulatorLog")

    def log_size(self) -> int:
        return self.page.evaluate("window.simulatorLog.length")

    def entries(self, func: str, participant: str | None = None, frame_context: str | None = None) -> list:
        return [
            e
            for e in self.log()
            if e["func"] == func
            and (participant is None or e["participant"] == participant)
            and (frame_context is None or e["frameContext"] == frame_context)
        ]

    def replies(self, func: str, participant: str | None = None, since: int = 0) -> list[dict]:
        """What the host sent to the tabs for `func` (replies and pushed events)."""
        return [
            e
            for e in self.log()[since:]
            if e["func"] == func
            and e["direction"] == "host→app"
            and (participant is None or e["participant"] == participant)
        ]

    def wait_initialized(self, participant: str, frame_context: str, since: int = 0) -> dict:
        """Waits for appInitialization.success from that frame (after log entry `since`) and checks,
        by the host's own log times, that it came within 3 s of the frame's first message to the
        host. The wait itself is longer: it also covers loading the frame (which the budget does not
        count), and on a busy machine that alone can take more than the budget."""
        self.page.wait_for_function(
            """([participant, frameContext, since]) => window.simulatorLog.slice(since).some((e) =>
                e.participant === participant && e.frameContext === frameContext &&
                e.func === "appInitialization.success")""",
            arg=[participant, frame_context, since],
            timeout=STATE_TIMEOUT_MS,
        )
        entries = [
            e
            for e in self.log()[since:]
            if e["participant"] == participant and e["frameContext"] == frame_context
        ]
        start = next(e["at"] for e in entries if e["func"] == "initialize")
        success = next(e for e in entries if e["func"] == "appInitialization.success")
        assert success["at"] - start <= INITIALIZED_WITHIN_MS, (start, success)
        failures = [e for e in entries if e["func"] == "appInitialization.failure"]
        assert failures == []
        return success

    def unknown_messages(self) -> list[dict]:
        return [e for e in self.log() if e.get("unknown")]

    # --- the participants' frames -----------------------------------------------------------

    def column(self, participant: str) -> Locator:
        return self.page.locator(f'[data-participant-column="{participant}"]')

    def frame_element(self, participant: str, frame_context: str) -> Locator:
        return self.page.locator(
            f'iframe[data-participant="{participant}"][data-frame-context="{frame_context}"]'
        )

    def frame(self, participant: str, frame_context: str = "sidePanel") -> FrameLocator:
        return self.page.frame_locator(
            f'iframe[data-participant="{participant}"][data-frame-context="{frame_context}"]'
        )

    def frame_object(self, participant: str, frame_context: str = "sidePanel") -> Frame:
        handle = self.frame_element(participant, frame_context).element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None
        return frame

    def open_view(self, participant: str, view: str) -> None:
        self.column(participant).locator(f'[data-view="{view}"]').click()

    def stage(self) -> Locator:
        return self.page.locator('iframe[data-frame-context="meetingStage"]')

    def set_theme(self, theme: str) -> None:
        self.page.select_option("#sim-theme", theme)

    def set_language(self, language: str) -> None:
        self.page.select_option("#sim-language", language)

    def screenshot_frame(self, participant: str, frame_context: str, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.frame_element(participant, frame_context).screenshot(path=str(path))
        return path


def wait_until(page: Page, condition: Callable[[], object], *, seconds: float = 30, what: str = "") -> None:
    """Waits until `condition()` holds, for states the page cannot be asked about: what the test's
    own server saw, or what a Playwright event handler collected. Handlers of the sync API run only
    while a Playwright call is running, so it polls with page.wait_for_timeout (100 ms), not a sleep;
    the deadline is on the clock, however slow each poll is."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pages = [p.url for p in page.context.pages]
            raise AssertionError(f"waited {seconds} s for {what or condition} in vain; pages: {pages}")
        page.wait_for_timeout(100)


def wait_for_theme(frame: Frame, theme: str) -> None:
    # A function, not an expression: the pages' CSP forbids eval, which Playwright uses for expressions.
    frame.wait_for_function("(theme) => document.documentElement.dataset.theme === theme", arg=theme)


def pretty(entries: list[dict]) -> str:
    return "\n".join(json.dumps(e, ensure_ascii=False)[:300] for e in entries)


def pick_person(frame: FrameLocator, typed: str, name: str) -> None:
    """Choose a person in the people picker as a keyboard user does: type part of the name, move
    down the options with the arrow key until `name` is the active one, press Enter."""
    box = frame.get_by_role("combobox")
    box.click()
    box.fill(typed)
    frame.get_by_role("option", name=name, exact=False).first.wait_for()
    for _ in range(25):
        box.press("ArrowDown")
        active = frame.locator('[role="option"][aria-selected="true"]')
        active.wait_for()
        if name in active.inner_text():
            break
    else:
        raise AssertionError(f"{name} never became the active option")
    box.press("Enter")
    frame.get_by_test_id("people-picker-chosen").get_by_text(name).first.wait_for()
