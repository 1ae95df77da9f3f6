"""Follow-ups in both calendars end to end over HTTPS: the app's own token (client credentials,
application `Calendars.ReadWrite`) against the Graph stand-in, where the manager organises and the
employee's calendar gets the invitation; changes, removals, an outage, a missing permission and two
job runs at once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from plugin.calendar_job import sync_calendars
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid
from tests.test_calendar_sync import Clock, lock

NOW = datetime(2030, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-follow-ups"))
    yield cloud
    cloud.close()


@pytest.fixture
def app(cloud, authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'follow-ups.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    cloud.graph.outage(False)
    cloud.directory.grant_app_roles(TENANT, CLIENT_ID, ["Calendars.ReadWrite"])
    with built_app(settings, postgres_url, with_directory=False) as app:
        app.extensions["mus.clock"] = Clock(NOW)
        yield app
    cloud.graph.outage(False)
    cloud.directory.grant_app_roles(TENANT, CLIENT_ID, ["Calendars.ReadWrite"])


class _Client:
    def __init__(self, app, token: str) -> None:
        self.client = app.test_client()
        self.token = token

    def open(self, method, path, **kwargs):
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def post(self, path, **kw):
        return self.open("POST", path, **kw)

    def patch(self, path, **kw):
        return self.open("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)


class Api:
    """`api.as_(name)` as the suite's ApiClient, with SSO tokens of the stand-in organisation."""

    def __init__(self, app, cloud) -> None:
        self.app, self.cloud = app, cloud

    def as_(self, name: str) -> _Client:
        return _Client(self.app, self.cloud.sso(name))


PEOPLE = {"employee": "employee", "manager": "manager"}


@pytest.fixture
def api(app, cloud):
    return Api(app, cloud)


@pytest.fixture
def conversation(api):
    response = api.as_("manager").post(
        "/api/conversations", json={"employee": {"object_id": oid("employee")}}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def add(api, cid, title, due_on):
    response = api.as_("manager").post(
        f"/api/conversations/{cid}/follow-ups", json={"title": title, "due_on": due_on}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def states(api, cid, who="employee"):
    response = api.as_(who).get(f"/api/conversations/{cid}/follow-ups")
    assert response.status_code == 200, response.get_json()
    return {f["title"]: f["calendar"] for f in response.get_json()["items"]}


def held(cloud, name: str, subject_part: str) -> list[dict]:
    return [e for e in cloud.graph.calendar_of(TENANT, oid(name)) if subject_part in e["subject"]]


def test_after_lock_both_calendars_hold_each_follow_up_and_follow_its_changes(api, app, cloud, conversation):
    cid = conversation["id"]
    course = add(api, cid, "Kursus booket", "2030-04-10")
    add(api, cid, "Ring til HR", "2030-05-02")
    lock(api, PEOPLE, conversation)

    for name in ("manager", "employee"):
        [event] = held(cloud, name, "Kursus booket")
        assert event["subject"] == "Opfølgning: Kursus booket"
        assert event["isCancelled"] is False
        assert event["start"]["dateTime"].startswith("2030-04-10T07:00:00")  # 09:00 in Copenhagen
        assert len(held(cloud, name, "Ring til HR")) == 1
    assert held(cloud, "manager", "Kursus")[0]["isOrganizer"] is True
    assert held(cloud, "employee", "Kursus")[0]["isOrganizer"] is False
    assert states(api, cid) == {"Kursus booket": "in_calendar", "Ring til HR": "in_calendar"}

    moved = api.as_("employee").patch(
        f"/api/conversations/{cid}/follow-ups/{course['id']}",
        json={"version": course["version"], "base": {"due_on": course["due_on"]}, "due_on": "2030-04-24"},
    )
    assert moved.status_code == 200, moved.get_json()
    for name in ("manager", "employee"):
        [event] = held(cloud, name, "Kursus booket")
        assert event["start"]["dateTime"].startswith("2030-04-24T07:00:00")

    hr = next(
        f
        for f in api.as_("manager").get(f"/api/conversations/{cid}/follow-ups").get_json()["items"]
        if f["title"] == "Ring til HR"
    )
    assert api.as_("manager").delete(f"/api/conversations/{cid}/follow-ups/{hr['id']}").status_code == 204
    # Cancelled: gone from the organiser's calendar, the employee's copy marked cancelled.
    assert held(cloud, "manager", "Ring til HR") == []
    assert [e["isCancelled"] for e in held(cloud, "employee", "Ring til HR")] == [True]
    for name in ("manager", "employee"):
        assert [e["isCancelled"] for e in held(cloud, name, "Kursus booket")] == [False]


def test_graph_down_at_lock_then_the_job_creates_them(api, app, cloud, conversation):
    cid = conversation["id"]
    add(api, cid, "Nedetid kursus", "2030-04-10")
    cloud.graph.outage(True)
    lock(api, PEOPLE, conversation)  # the agreement is locked all the same
    cloud.graph.outage(False)
    assert held(cloud, "manager", "Nedetid kursus") == []
    assert states(api, cid) == {"Nedetid kursus": "pending"}

    app.extensions["mus.clock"].now = NOW + timedelta(minutes=5)
    assert sync_calendars(app).created == 1
    for name in ("manager", "employee"):
        assert len(held(cloud, name, "Nedetid kursus")) == 1
    assert states(api, cid, "manager") == {"Nedetid kursus": "in_calendar"}


def test_without_the_permission_the_follow_up_says_not_permitted(api, app, cloud, conversation):
    cid = conversation["id"]
    add(api, cid, "Tilladelse kursus", "2030-04-10")
    cloud.directory.revoke_app_roles(TENANT, CLIENT_ID, ["Calendars.ReadWrite"])
    lock(api, PEOPLE, conversation)
    assert held(cloud, "manager", "Tilladelse kursus") == []
    assert states(api, cid) == {"Tilladelse kursus": "not_permitted"}
    ics = api.as_("employee").get(f"/api/conversations/{cid}/follow-ups.ics")
    assert ics.status_code == 200 and b"Tilladelse kursus" in ics.data  # the way to the calendar then


def test_two_job_runs_at_once_create_each_event_exactly_once(api, app, cloud, conversation):
    cid = conversation["id"]
    titles = [f"Samtidig {n}" for n in range(5)]
    for n, title in enumerate(titles):
        add(api, cid, title, f"2030-0{n + 4}-15")
    cloud.graph.outage(True)
    lock(api, PEOPLE, conversation)
    cloud.graph.outage(False)
    app.extensions["mus.clock"].now = NOW + timedelta(minutes=5)

    start = threading.Barrier(2)
    reports = []

    def run():
        start.wait(10)
        reports.append(sync_calendars(app))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(r.created for r in reports) == len(titles)
    for name in ("manager", "employee"):
        for title in titles:
            assert len(held(cloud, name, title)) == 1, (name, title)
