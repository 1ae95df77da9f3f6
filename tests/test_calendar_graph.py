"""The calendar through Microsoft Graph, end to end over HTTPS against the stand-ins: the app acting as
itself (client credentials, application permissions) and as a person (on-behalf-of), the invitation
landing in the attendee's calendar, retries made idempotent by a transaction id, changes and
cancellations reaching the attendee, and a missing permission."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugin.identity import app_graph_for
from plugin.identity.graph import GraphDenied, GraphUnavailable
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid

START = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-calendar"))
    yield cloud
    cloud.close()


@pytest.fixture
def app(cloud, authority, tmp_path):
    settings = m365.cloud_settings(
        make_settings(authority, f"sqlite:///{tmp_path / 'cal.sqlite3'}", tmp_path / "instance"), cloud
    )
    cloud.graph.outage(False)
    with built_app(settings, None, with_directory=False) as app:
        yield app


def _subjects(cloud, name):
    return {
        (e["subject"], e["isCancelled"], e["isOrganizer"]) for e in cloud.graph.calendar_of(TENANT, oid(name))
    }


def test_the_app_puts_a_teams_meeting_in_both_calendars_once(app, cloud):
    graph = app_graph_for(app, TENANT)
    subject = "MUS 2027 (app)"
    made = graph.create_event(
        subject=subject,
        start=START,
        end=START + timedelta(hours=1),
        body="<p>Open the MUS tab</p>",
        attendees=["employee@test.example"],
        online_meeting=True,
        transaction_id="mus-conversation-1",
        owner=oid("manager"),
    )
    assert made.event_id and made.join_url and made.start == START
    assert made.attendees == ("employee@test.example",) and made.organizer == "mette@test.example"
    # A retry after a lost answer: the same transaction id gives the same event, not a second one.
    again = graph.create_event(
        subject=subject,
        start=START,
        end=START + timedelta(hours=1),
        body="<p>Open the MUS tab</p>",
        attendees=["employee@test.example"],
        online_meeting=True,
        transaction_id="mus-conversation-1",
        owner=oid("manager"),
    )
    assert again.event_id == made.event_id
    assert (subject, False, True) in _subjects(cloud, "manager")
    mine = [e for e in cloud.graph.calendar_of(TENANT, oid("employee")) if e["subject"] == subject]
    assert len(mine) == 1 and mine[0]["isOrganizer"] is False
    assert mine[0]["onlineMeeting"]["joinUrl"] == made.join_url
    assert [e.event_id for e in graph.events(owner=oid("manager")) if e.subject == subject] == [made.event_id]

    moved = graph.update_event(
        made.event_id,
        owner=oid("manager"),
        start=START + timedelta(days=1),
        end=START + timedelta(days=1, hours=1),
    )
    assert moved.start == START + timedelta(days=1)
    [copy] = [e for e in graph.events(owner=oid("employee")) if e.subject == subject]
    assert copy.start == START + timedelta(days=1)

    graph.cancel_event(made.event_id, owner=oid("manager"), comment="Flyttet")
    assert not [e for e in graph.events(owner=oid("manager")) if e.subject == subject]
    [cancelled] = [e for e in graph.events(owner=oid("employee")) if e.subject == subject]
    assert cancelled.is_cancelled
    graph.cancel_event(made.event_id, owner=oid("manager"))  # gone already: still fine


def test_only_the_organiser_cancels_and_a_missing_event_is_not_found(app, cloud):
    graph = app_graph_for(app, TENANT)
    made = graph.create_event(
        subject="Opfølgning",
        start=START,
        end=START + timedelta(minutes=30),
        body="",
        attendees=["colleague@test.example"],
        owner=oid("manager"),
    )
    [copy] = [e for e in graph.events(owner=oid("colleague")) if e.subject == "Opfølgning"]
    with pytest.raises(GraphUnavailable):  # 400 ErrorInvalidRequest: not the organiser
        graph.cancel_event(copy.event_id, owner=oid("colleague"))
    assert made.join_url is None
    with pytest.raises(GraphUnavailable):  # 404 on PATCH is no "missing ok"
        graph.update_event("AAMkAnothere", owner=oid("manager"), subject="x")


def test_a_person_reaches_only_their_own_calendar(app, cloud):
    from plugin.identity.graph import HttpGraph

    def delegated(scopes):
        with app.app_context():  # the person's token cache is in the database
            return app.extensions["mus.msal"].graph_token_on_behalf_of(
                TENANT, oid("employee"), cloud.sso("employee"), scopes
            )

    graph = HttpGraph(cloud.graph.url, delegated, session=app.extensions["mus.graph_session"])
    mine = graph.create_event(
        subject="Eget", start=START, end=START + timedelta(minutes=30), body="", attendees=[]
    )
    assert mine.organizer == "employee@test.example"
    with pytest.raises(GraphDenied):
        graph.events(owner=oid("manager"))


def test_without_the_application_permission_the_app_is_denied(app, cloud):
    cloud.directory.revoke_app_roles(TENANT, CLIENT_ID, ["Calendars.ReadWrite"])
    app.extensions["mus.msal"]._app_clients.clear()  # a fresh token, without the role
    try:
        with pytest.raises(GraphDenied):
            app_graph_for(app, TENANT).events(owner=oid("manager"))
    finally:
        cloud.directory.grant_app_roles(TENANT, CLIENT_ID, ["Calendars.ReadWrite"])


def test_graph_down_is_unavailable_for_the_app(app, cloud):
    cloud.graph.outage(True)
    try:
        with pytest.raises(GraphUnavailable):
            app_graph_for(app, TENANT).events(owner=oid("manager"))
    finally:
        cloud.graph.outage(False)
