"""Planning from the personal tab against the Microsoft 365 stand-ins over HTTPS: the Teams meeting in
both calendars, the app's tab in the meeting chat where permitted, a missing permission, Graph down
and the retry job (once, even when two runs race)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from plugin.config import Settings
from plugin.domain.planning import transaction_id
from plugin.identity import app_graph_for, outgoing_session
from plugin.identity.graph import GraphDenied, GraphUnavailable, HttpGraph
from plugin.planning_job import retry_calendars
from plugin.storage import Conversation
from plugin.storage.db import db
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-plan"))
    yield cloud
    cloud.close()


@pytest.fixture
def app(cloud, authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'plan.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:
        yield app
    cloud.graph.outage(False)


def starts(days: int) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)


def plan(app, cloud, planner: str, other_role: str, other: str, **extra):
    body = {other_role: {"object_id": oid(other)}, "starts_at": starts(5).isoformat(), **extra}
    headers = {"Authorization": f"Bearer {cloud.sso(planner)}"}
    return app.test_client().post("/api/conversations/plan", json=body, headers=headers)


def mine(cloud, name: str, conversation: dict) -> list[dict]:
    """The person's events of this conversation (the cloud outlives each test's database, so the
    conversation's time tells them apart: each test plans on another day)."""
    when = datetime.fromisoformat(conversation["scheduled_at"]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
    return [
        e
        for e in cloud.graph.calendar_of(TENANT, oid(name))
        if f"conversation={conversation['id']}" in (e.get("body") or {}).get("content", "")
        and e["start"]["dateTime"].startswith(when)
    ]


def test_the_meeting_is_in_both_calendars_with_the_tab_link(app, cloud):
    when = starts(6)
    response = plan(
        app, cloud, "manager", "employee", "employee", starts_at=when.isoformat(), duration_minutes=45
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["calendar_status"] == "created"
    assert body["meeting"]["join_url"].startswith("https://")
    assert body["meeting"]["meeting_id"]  # found by its join URL: the tab in the meeting finds it
    [organizer] = mine(cloud, "manager", body)
    [attendee] = mine(cloud, "employee", body)
    for event in (organizer, attendee):
        assert event["subject"] == "MUS med Jonas Medarbejder"
        assert event["isOnlineMeeting"] is True
        assert event["onlineMeeting"]["joinUrl"] == body["meeting"]["join_url"]
        assert event["isCancelled"] is False
        assert "teams.microsoft.com/l/entity/" in event["body"]["content"]
    assert organizer["isOrganizer"] is True and attendee["isOrganizer"] is False
    assert organizer["transactionId"]
    # Without the chat permissions (not consented here) the tab is skipped, and the answer says so.
    assert body["chat_tab"] == "not_permitted"
    # Either party opening the tab in that meeting finds the conversation.
    listed = app.test_client().get(
        f"/api/conversations?meeting_id={body['meeting']['meeting_id']}",
        headers={"Authorization": f"Bearer {cloud.sso('employee')}"},
    )
    assert [c["id"] for c in listed.get_json()["items"]] == [body["id"]]


def test_the_apps_tab_is_added_to_the_meeting_chat_where_permitted(app, cloud):
    scopes = ["TeamsAppInstallation.ReadWriteForChat", "TeamsTab.Create"]
    cloud.directory.grant(TENANT, oid("employee"), CLIENT_ID, scopes)
    try:
        response = plan(
            app, cloud, "employee", "manager", "manager", kind="checkin", starts_at=starts(7).isoformat()
        )
    finally:
        cloud.directory.revoke(TENANT, oid("employee"), CLIENT_ID, scopes)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["chat_tab"] == "added"
    assert body["created_by"]["object_id"] == oid("employee")  # the employee asked for it
    [tab] = cloud.graph.chat_tabs(body["meeting"]["chat_id"])
    assert tab["configuration"]["entityId"] == f"mus-{body['id']}"
    assert tab["configuration"]["contentUrl"].endswith(f"/tab/content?conversation={body['id']}")
    assert tab["displayName"] == "Opfølgning"
    assert len(mine(cloud, "manager", body)) == 1


def test_a_missing_calendar_permission_still_saves_the_plan(app, cloud):
    cloud.directory.revoke(TENANT, oid("manager"), CLIENT_ID, ["Calendars.ReadWrite"])
    try:
        response = plan(app, cloud, "manager", "employee", "employee", starts_at=starts(8).isoformat())
    finally:
        cloud.directory.grant(TENANT, oid("manager"), CLIENT_ID, ["Calendars.ReadWrite"])
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["calendar_status"] == "not_permitted"
    assert body["meeting"]["join_url"] is None
    assert mine(cloud, "manager", body) == [] and mine(cloud, "employee", body) == []
    ics = app.test_client().get(
        f"/api/conversations/{body['id']}/invite.ics",
        headers={"Authorization": f"Bearer {cloud.sso('manager')}"},
    )
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.data


class _DownForCalendar:
    """The person's Graph, with Microsoft Graph going down just before the calendar call."""

    def __init__(self, graph, cloud) -> None:
        self._graph, self._cloud = graph, cloud

    def create_event(self, **kwargs):
        self._cloud.graph.outage(True)
        return self._graph.create_event(**kwargs)

    def __getattr__(self, name):
        return getattr(self._graph, name)


def test_graph_down_leaves_it_pending_and_the_job_makes_it_once_even_when_two_runs_race(app, cloud):
    factory = app.extensions["mus.graph_factory"]
    app.extensions["mus.graph_factory"] = lambda *args: _DownForCalendar(factory(*args), cloud)
    try:
        response = plan(app, cloud, "manager", "employee", "employee", starts_at=starts(9).isoformat())
    finally:
        cloud.graph.outage(False)
        app.extensions["mus.graph_factory"] = factory
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["calendar_status"] == "pending"
    assert mine(cloud, "manager", body) == []

    reports = []
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        reports.append(retry_calendars(app))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(r.created for r in reports) == [0, 1]
    assert len(mine(cloud, "manager", body)) == 1
    assert len(mine(cloud, "employee", body)) == 1
    with app.app_context():
        stored = db.session.scalar(select(Conversation).where(Conversation.id == body["id"]))
        assert stored.calendar_status == "created"
        assert stored.join_url and stored.calendar_event_id
    # Nothing is left to do: another run claims nothing and makes nothing.
    assert retry_calendars(app).claimed == 0
    assert len(mine(cloud, "manager", body)) == 1


# --- the chat stand-in's own rules (Microsoft's permission tables) ---------------------------------


def _graph_as(cloud, name: str, scopes: str | None) -> HttpGraph:
    session = outgoing_session(Settings(ca_bundle=cloud.ca.ca_file))

    def token_for(_wanted):
        return cloud.entra.mint_graph_token(TENANT, oid(name), client_id=CLIENT_ID, scopes=scopes)

    return HttpGraph(cloud.graph.url, token_for, session=session, budget_seconds=2)


def test_the_chat_stand_in_checks_permission_membership_and_installation(cloud):
    meeting = cloud.directory.add_meeting(
        TENANT,
        oid("manager"),
        "Kun for to",
        attendee_ids=[oid("employee")],
        start=starts(20),
        end=starts(20) + timedelta(hours=1),
    )
    chat = meeting.thread_id
    tab = {
        "teams_app_id": CLIENT_ID,
        "display_name": "MUS",
        "entity_id": "mus-1",
        "content_url": "https://x.example/t",
    }
    # No chat permission in the token: 403, nothing installed.
    with pytest.raises(GraphDenied):
        _graph_as(cloud, "manager", "User.Read").install_app_in_chat(chat, CLIENT_ID)
    assert cloud.graph.log[-1]["status"] == 403
    assert cloud.graph.chat_apps(chat) == set()
    allowed = "TeamsAppInstallation.ReadWriteForChat TeamsTab.Create"
    # Not a member of the meeting's chat: as if it did not exist.
    with pytest.raises(GraphUnavailable):
        _graph_as(cloud, "colleague", allowed).install_app_in_chat(chat, CLIENT_ID)
    assert cloud.graph.log[-1]["status"] == 404
    # A tab before the app is installed is refused.
    member = _graph_as(cloud, "employee", allowed)
    with pytest.raises(GraphUnavailable):
        member.add_chat_tab(chat, **tab)
    assert cloud.graph.log[-1]["status"] == 400
    member.install_app_in_chat(chat, CLIENT_ID)
    member.install_app_in_chat(chat, CLIENT_ID)  # already installed (409) is fine
    assert cloud.graph.log[-1]["status"] == 409
    assert member.add_chat_tab(chat, **tab)
    assert [t["configuration"]["entityId"] for t in cloud.graph.chat_tabs(chat)] == ["mus-1"]


def test_a_run_that_crashed_after_graph_made_the_event_is_not_repeated(app, cloud):
    """A run made the event but died before storing it: the next run sends the same transaction id,
    and Graph answers with the event it already has."""
    factory = app.extensions["mus.graph_factory"]
    app.extensions["mus.graph_factory"] = lambda *args: _DownForCalendar(factory(*args), cloud)
    try:
        response = plan(app, cloud, "manager", "employee", "employee", starts_at=starts(10).isoformat())
    finally:
        cloud.graph.outage(False)
        app.extensions["mus.graph_factory"] = factory
    body = response.get_json()
    assert body["calendar_status"] == "pending"
    with app.app_context():
        stored = db.session.get(Conversation, body["id"])
        made = app_graph_for(app, TENANT).create_event(
            subject="MUS med Jonas Medarbejder",
            start=stored.scheduled_at,
            end=stored.ends_at,
            body=f"<p>/tab/content?conversation={body['id']}</p>",
            attendees=["employee@test.example"],
            online_meeting=True,
            transaction_id=transaction_id(stored.id, stored.created_at),
            owner=oid("manager"),
        )
    assert retry_calendars(app).created == 1
    [event] = mine(cloud, "manager", body)
    assert event["id"] == made.event_id
    with app.app_context():
        assert db.session.get(Conversation, body["id"]).calendar_event_id == made.event_id
