"""Helpers for the meeting tests: one participant's surface in the Teams simulator, addressed by the
texts of the catalogue in the language it runs in."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plugin.i18n import catalogue, translate

from .support import SCREENSHOTS, Simulator

if TYPE_CHECKING:
    from playwright.sync_api import Frame, FrameLocator, Locator, Page, Request, Response

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


class Panel:
    """One participant's tab (side panel by default) in the simulator."""

    def __init__(
        self, simulator: Simulator, participant: str, frame_context: str = "sidePanel", language: str = "da"
    ):
        self.simulator = simulator
        self.participant = participant
        self.frame_context = frame_context
        self.language = language
        self.texts = catalogue(language)

    def t(self, key: str, **params: object) -> str:
        assert key in self.texts, key
        return translate(key, self.language, **params)  # a plural text: the form for `count`

    @property
    def frame(self) -> FrameLocator:
        return self.simulator.frame(self.participant, self.frame_context)

    @property
    def frame_object(self) -> Frame:
        return self.simulator.frame_object(self.participant, self.frame_context)

    def button(self, key: str, scope: Locator | FrameLocator | None = None, **params: object) -> Locator:
        return (scope or self.frame).get_by_role("button", name=self.t(key, **params), exact=True)

    def article(self) -> Locator:
        return self.frame.locator("article.conversation")

    def wait_phase(self, phase: str) -> None:
        self.frame.locator(f'article.conversation[data-phase="{phase}"]').wait_for()

    def conclude_now(self) -> None:
        """Concludes from "More actions" (the Conclude button itself shows once the agenda is done)."""
        self.frame.get_by_test_id("more-actions").click()
        self.frame.get_by_test_id("conclude-now").click()

    def wait_saved(self) -> None:
        self.frame.locator('[data-testid="save-state"][data-state="saved"]').wait_for()

    # --- the agenda during the meeting ------------------------------------------------------------

    def entries(self) -> Locator:
        return self.frame.get_by_test_id("agenda").locator(":scope > li")

    def entry(self, section: str) -> Locator:
        return self.frame.locator(f'[data-testid="agenda"] > li[data-section="{section}"]')

    def open_entry(self) -> Locator:
        return self.frame.locator('[data-testid="agenda"] > li[data-open="yes"]')

    def current_entry(self) -> Locator:
        return self.frame.locator('[data-testid="agenda"] > li[data-current="yes"]')

    def panel(self) -> Locator:
        return self.frame.locator('[data-testid="item-panel"]')

    def wait_open(self, section: str) -> None:
        self.frame.locator(
            f'[data-testid="agenda"] > li[data-section="{section}"][data-open="yes"]'
        ).wait_for()

    def wait_current(self, section: str) -> None:
        self.frame.locator(
            f'[data-testid="agenda"] > li[data-section="{section}"][data-current="yes"]'
        ).wait_for()

    def fits_280(self) -> bool:
        return self.frame_object.evaluate(NO_HORIZONTAL_SCROLL)

    def screenshot(self, name: str, full_height: bool = True) -> None:
        """The participant's frame, stretched to its content's height so everything is in the picture."""
        element = self.simulator.frame_element(self.participant, self.frame_context)
        if full_height:
            height = self.frame_object.evaluate("() => document.documentElement.scrollHeight")
            element.evaluate("(e, h) => { e.style.height = h + 'px'; e.style.maxHeight = 'none'; }", height)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        element.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def jwt_claims(authorization: str | None) -> dict:
    if not authorization or not authorization.startswith("Bearer "):
        return {}
    payload = authorization.split(" ", 1)[1].split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


@dataclass
class ResponseLog:
    """Every API response the page's frames received, with the person whose token asked for it. A
    body is read only once its request finished: the body of a request the page aborted (a search
    overtaken by the next keystroke) or of a live stream never completes, and reading it would wait
    for ever."""

    responses: list[tuple[str, Response]] = field(default_factory=list)
    finished: list[Request] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("response", self._record)
        page.on("requestfinished", self._finished)

    def _record(self, response: Response) -> None:
        if "/api/" not in response.url:
            return
        name = jwt_claims(response.request.headers.get("authorization")).get("name", "")
        self.responses.append((name, response))

    def _finished(self, request: Request) -> None:
        self.finished.append(request)

    def complete(self) -> list[tuple[str, Response]]:
        """The responses whose body has arrived in full."""
        done = {id(request) for request in self.finished}
        return [(name, r) for name, r in self.responses if id(r.request) in done]

    def bodies_for(self, name: str) -> list[tuple[str, str]]:
        """(url, body) of each JSON response to `name`'s requests (the live stream excluded)."""
        found = []
        for who, response in self.complete():
            if who != name or "event-stream" in (response.headers.get("content-type") or ""):
                continue
            try:
                found.append((response.url, response.text()))
            except Exception:  # a response without a body (204) or already gone
                found.append((response.url, ""))
        return found


def in_days(days: int) -> str:
    from datetime import date, timedelta

    return (date.today() + timedelta(days=days)).isoformat()


def section_id(conversation: dict, section: str) -> int:
    return next(item["id"] for item in conversation["agenda"] if item["section_key"] == section)


def goal_title(meeting_id: str) -> str:
    """The goal `meeting_in_progress` sets; unique, as goals follow the pair from meeting to meeting."""
    return f"Certificering i cloud-drift ({meeting_id[-6:]})"


def meeting_in_progress(
    live, meeting_id: str, title: str, *, at: str = "expectations_goals", confirm: bool = True
) -> dict:
    """A MUS bound to the meeting, started, with content from both, on the agenda item `at`."""
    conversation = live.plan_for_meeting(meeting_id, title)
    cid = conversation["id"]
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/transition",
        {"status": "in_meeting", "version": conversation["version"]},
    )
    if confirm:
        for person in ("mette", "jonas"):
            for kind, value in (("confidentiality", True), ("keep_shared_notes", True), ("recording", False)):
                live.api(person, "PUT", f"/api/conversations/{cid}/consent", {"kind": kind, "value": value})
    work = section_id(conversation, "work_situation")
    live.api(
        "jonas",
        "POST",
        f"/api/conversations/{cid}/agenda/{work}/talking-points",
        {"text": "Mange opgaver på én gang"},
    )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/agenda/{work}/talking-points",
        {"text": "Godt samarbejde med support"},
    )
    goal = live.api(
        "jonas",
        "POST",
        f"/api/conversations/{cid}/goals",
        {
            "title": goal_title(meeting_id),
            "specific": "Bestå certificeringen i cloud-drift for at kunne tage vagter alene",
            "measure": "Certifikatet er bestået",
            "achievable": "Kursus betalt af afdelingen og to timer om ugen",
            "relevance": "Teamet skal drive flere systemer i skyen",
            "deadline": in_days(150),
            "status": "active",
        },
    )
    live.api(
        "mette",
        "POST",
        f"/api/conversations/{cid}/actions",
        {"kind": "course", "title": "Cloud-kursus", "goal_id": goal["id"], "due_date": in_days(60)},
    )
    live.api(
        "mette", "PUT", f"/api/conversations/{cid}/position", {"agenda_item_id": section_id(conversation, at)}
    )
    return live.api("mette", "GET", f"/api/conversations/{cid}")
