"""Conversations for the "My MUS" tests, made through the API of the live demo app as the two
parties would make them: planned, held, goals with progress, follow-up dates, an agreement that
both approve. `held_at` puts the whole conversation in the past by setting the app's clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from plugin.demo.people import DEMO_BY_KEY
from plugin.storage.types import utcnow

from .support import STATE_TIMEOUT_MS, LiveApp, Simulator


@dataclass
class GoalSpec:
    title: str
    deadline: date | None = None
    status: str = "active"
    progress: int | None = None


@dataclass
class Made:
    conversation: dict
    goals: dict[str, dict] = field(default_factory=dict)
    follow_ups: dict[str, dict] = field(default_factory=dict)


def person_ref(key: str) -> dict:
    person = DEMO_BY_KEY[key]
    return {"object_id": person.object_id}  # the server names the person from the directory


@contextmanager
def app_clock(live: LiveApp, when: datetime | None) -> Iterator[None]:
    """The app's clock (`mus.clock`) at `when` meanwhile; the real clock again afterwards."""
    if when is None:
        yield
        return
    live.app.extensions["mus.clock"] = lambda: when
    try:
        yield
    finally:
        live.app.extensions["mus.clock"] = utcnow


def plan(
    live: LiveApp, *, employee: str, title: str, kind: str = "mus", scheduled_at: datetime | None = None
) -> dict:
    body = {"kind": kind, "title": title, "employee": person_ref(employee)}
    if scheduled_at is not None:
        body["scheduled_at"] = scheduled_at.isoformat()
    return live.api("mette", "POST", "/api/conversations", body)


def agreed_conversation(
    live: LiveApp,
    *,
    employee: str,
    title: str,
    held_at: datetime | None = None,
    notes: str = "",
    goals: tuple[GoalSpec, ...] = (),
    follow_ups: tuple[tuple[str, date], ...] = (),
    action: tuple[str, date] | None = None,
) -> Made:
    """A MUS between Mette and `employee`, held (at `held_at`, default now) and agreed by both."""
    with app_clock(live, held_at):
        conversation = plan(live, employee=employee, title=title, scheduled_at=held_at)
        cid = conversation["id"]
        conversation = live.api(
            "mette",
            "POST",
            f"/api/conversations/{cid}/transition",
            {"status": "in_meeting", "version": conversation["version"]},
        )
        if notes:  # both keep them, so the agreement's summary of the item starts from them
            for person in (employee, "mette"):
                live.api(
                    person,
                    "PUT",
                    f"/api/conversations/{cid}/consent",
                    {"kind": "keep_shared_notes", "value": True},
                )
            item = live.api(employee, "GET", f"/api/conversations/{cid}")["agenda"][6]
            live.api(
                employee,
                "PATCH",
                f"/api/conversations/{cid}/agenda/{item['id']}",
                {"version": item["version"], "notes": notes},
            )
        made = Made(conversation)
        for spec in goals:
            body = {"title": spec.title, "status": spec.status}
            if spec.deadline:
                body["deadline"] = spec.deadline.isoformat()
            goal = live.api("mette", "POST", f"/api/conversations/{cid}/goals", body)
            if spec.progress is not None:
                goal = live.api(
                    employee, "POST", f"/api/goals/{goal['id']}/progress", {"percent": spec.progress}
                )
            made.goals[spec.title] = goal
        if action:
            live.api(
                "mette",
                "POST",
                f"/api/conversations/{cid}/actions",
                {"kind": "course", "title": action[0], "due_date": action[1].isoformat()},
            )
        for follow_up_title, due_on in follow_ups:
            made.follow_ups[follow_up_title] = live.api(
                "mette",
                "POST",
                f"/api/conversations/{cid}/follow-ups",
                {"title": follow_up_title, "due_on": due_on.isoformat()},
            )
        version = live.api("mette", "POST", f"/api/conversations/{cid}/agreement")
        for person in (employee, "mette"):
            live.api(
                person,
                "POST",
                f"/api/conversations/{cid}/agreement/{version['number']}/decision",
                {"decision": "approved"},
            )
        made.conversation = live.api("mette", "GET", f"/api/conversations/{cid}")
        assert made.conversation["status"] == "agreed", made.conversation
    return made


def days_from_today(days: int) -> date:
    return date.today() + timedelta(days=days)


def wait_loaded(simulator: Simulator, participant: str, frame_context: str, since: int = 0) -> None:
    """Waits until that frame told the host it has loaded (appInitialization.success after log entry
    `since`). Unlike Simulator.wait_initialized it does not time the start: test_simulator does."""
    simulator.page.wait_for_function(
        """([participant, frameContext, since]) => window.simulatorLog.slice(since).some((e) =>
            e.participant === participant && e.frameContext === frameContext &&
            e.func === "appInitialization.success")""",
        arg=[participant, frame_context, since],
        timeout=STATE_TIMEOUT_MS,
    )
