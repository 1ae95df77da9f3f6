"""Follow-ups in both calendars through the outbox (`services.calendar_sync`), against an in-process
calendar that behaves as Graph's events API does (transactionId dedupes creates, the organiser
cancels): scheduling at lock and after, retries, permission refused, concurrent runs, a crash between
Graph's answer and our commit, and the .ics download."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from plugin.calendar_job import sync_calendars
from plugin.identity.graph import CalendarEvent, GraphDenied, GraphUnavailable
from plugin.services import calendar_sync
from plugin.storage import CalendarSync
from plugin.storage.db import db
from tests.test_agreements_api import decide, draft, start_meeting, status_of, write_notes

NOW = datetime(2030, 3, 4, 9, 30, tzinfo=UTC)


class FakeCalendar:
    """The organiser's events as Graph keeps them (one store for the whole organisation)."""

    def __init__(self) -> None:
        self.store: dict[str, dict] = {}
        self.calls: list[tuple[str, str]] = []
        self.down = False
        self.denied = False
        self.lock = threading.Lock()
        self.pause: threading.Event | None = None  # creates wait for it (concurrent runs)

    def _check(self) -> None:
        if self.down:
            raise GraphUnavailable()
        if self.denied:
            raise GraphDenied()

    def _view(self, event_id: str) -> CalendarEvent:
        e = self.store[event_id]
        return CalendarEvent(
            event_id=event_id,
            subject=e["subject"],
            start=e["start"],
            end=e["end"],
            attendees=tuple(e["attendees"]),
            organizer=e["owner"],
            join_url=None,
            web_link=f"https://outlook.example/{event_id}",
            is_cancelled=e["cancelled"],
            transaction_id=e["transaction_id"],
        )

    def create_event(
        self, *, subject, start, end, body, attendees, online_meeting=False, transaction_id=None, owner=None
    ):
        self._check()
        if self.pause is not None:
            self.pause.wait(5)
        with self.lock:
            self.calls.append(("create", transaction_id))
            for event_id, e in self.store.items():
                if transaction_id and e["transaction_id"] == transaction_id and e["owner"] == owner:
                    return self._view(event_id)
            event_id = uuid.uuid4().hex
            self.store[event_id] = {
                "subject": subject,
                "start": start,
                "end": end,
                "body": body,
                "attendees": list(attendees),
                "owner": owner,
                "transaction_id": transaction_id,
                "cancelled": False,
            }
            return self._view(event_id)

    def update_event(self, event_id, *, owner=None, subject=None, start=None, end=None, body=None):
        self._check()
        with self.lock:
            self.calls.append(("update", event_id))
            e = self.store[event_id]
            for key, value in (("subject", subject), ("start", start), ("end", end), ("body", body)):
                if value is not None:
                    e[key] = value
            return self._view(event_id)

    def cancel_event(self, event_id, *, owner=None, comment=""):
        self._check()
        with self.lock:
            self.calls.append(("cancel", event_id))
            self.store[event_id]["cancelled"] = True

    def events(self, *, owner=None):
        self._check()
        return [self._view(i) for i, e in self.store.items() if e["owner"] == owner]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def calendar(app):
    fake = FakeCalendar()
    app.extensions["mus.app_graph_factory"] = lambda _app, _tenant: fake
    return fake


@pytest.fixture
def clock(app):
    clock = Clock(NOW)
    app.extensions["mus.clock"] = clock
    return clock


def add_follow_up(api, person, cid, title, due_on):
    response = api.as_(person).post(
        f"/api/conversations/{cid}/follow-ups", json={"title": title, "due_on": due_on}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def follow_ups(api, person, cid):
    response = api.as_(person).get(f"/api/conversations/{cid}/follow-ups")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def lock(api, people, conversation):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 6, "Vi aftaler et kursus")
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    number = (
        api.as_(people["manager"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"][0]["number"]
    )
    assert decide(api, people["employee"], cid, number, "approved").status_code == 200
    assert decide(api, people["manager"], cid, number, "approved").status_code == 200
    assert status_of(api, people, cid) == "agreed"


def rows(app) -> list[CalendarSync]:
    with app.app_context():
        found = list(db.session.scalars(select(CalendarSync).order_by(CalendarSync.follow_up_id)))
        db.session.expunge_all()
        return found


def live(calendar: FakeCalendar) -> list[dict]:
    return [e for e in calendar.store.values() if not e["cancelled"]]


def test_lock_puts_each_follow_up_in_both_calendars(api, people, conversation, calendar, clock, app):
    cid = conversation["id"]
    first = add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    second = add_follow_up(api, people["employee"], cid, "Status på mål", "2030-06-15")
    assert rows(app) == []  # nothing scheduled before the agreement is locked
    assert [f["calendar"] for f in follow_ups(api, people["employee"], cid)] == [None, None]

    lock(api, people, conversation)  # the locking request sends them right after its commit

    assert sorted(e["subject"] for e in live(calendar)) == [
        "Opfølgning: Kursus booket",
        "Opfølgning: Status på mål",
    ]
    for e in live(calendar):
        assert e["owner"] == people["manager"].oid
        assert e["attendees"] == ["jonas@example.dk"]
        assert "/tab/personal" in e["body"]
    april = next(e for e in live(calendar) if "Kursus" in e["subject"])
    # 09:00 in Copenhagen (summer time in April: UTC+2), 30 minutes.
    assert april["start"] == datetime(2030, 4, 10, 7, 0, tzinfo=UTC)
    assert april["end"] - april["start"] == timedelta(minutes=30)
    assert {r.follow_up_id: r.status for r in rows(app)} == {first["id"]: "done", second["id"]: "done"}
    for who in ("employee", "manager"):
        assert [f["calendar"] for f in follow_ups(api, people[who], cid)] == ["in_calendar", "in_calendar"]


def test_changes_after_lock_update_and_cancel_the_events(api, people, conversation, calendar, clock, app):
    cid = conversation["id"]
    kept = add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    gone = add_follow_up(api, people["manager"], cid, "Ring til HR", "2030-05-01")
    lock(api, people, conversation)
    assert len(live(calendar)) == 2

    response = api.as_(people["employee"]).patch(
        f"/api/conversations/{cid}/follow-ups/{kept['id']}",
        json={"version": kept["version"], "base": {"due_on": kept["due_on"]}, "due_on": "2030-11-20"},
    )
    assert response.status_code == 200, response.get_json()
    [moved] = [e for e in live(calendar) if "Kursus" in e["subject"]]
    assert moved["start"] == datetime(2030, 11, 20, 8, 0, tzinfo=UTC)  # winter time: UTC+1
    assert ("update", next(i for i, e in calendar.store.items() if e is moved)) in calendar.calls

    assert (
        api.as_(people["manager"]).delete(f"/api/conversations/{cid}/follow-ups/{gone['id']}").status_code
        == 204
    )
    assert [e["subject"] for e in calendar.store.values() if e["cancelled"]] == ["Opfølgning: Ring til HR"]
    assert [r.follow_up_id for r in rows(app)] == [kept["id"]]  # a sent cancellation leaves no row

    late = add_follow_up(api, people["employee"], cid, "Ny aftale", "2030-12-01")
    assert "Opfølgning: Ny aftale" in [e["subject"] for e in live(calendar)]
    assert {f["id"]: f["calendar"] for f in follow_ups(api, people["manager"], cid)}[
        late["id"]
    ] == "in_calendar"


def test_graph_down_at_lock_keeps_it_pending_and_the_job_creates_later(
    api, people, conversation, calendar, clock, app
):
    cid = conversation["id"]
    add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    calendar.down = True
    lock(api, people, conversation)  # the lock succeeds although Graph is down
    [row] = rows(app)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "graph_unavailable")
    assert row.next_attempt_at > NOW
    assert [f["calendar"] for f in follow_ups(api, people["employee"], cid)] == ["pending"]

    calendar.down = False
    assert sync_calendars(app).sent == 0  # not due yet: backoff
    clock.now = NOW + timedelta(minutes=5)
    report = sync_calendars(app)
    assert report.created == 1
    assert len(live(calendar)) == 1
    assert [f["calendar"] for f in follow_ups(api, people["employee"], cid)] == ["in_calendar"]


def test_permission_missing_shows_not_permitted_and_a_change_tries_again(
    api, people, conversation, calendar, clock, app
):
    cid = conversation["id"]
    follow_up = add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    calendar.denied = True
    lock(api, people, conversation)
    [row] = rows(app)
    assert (row.status, row.last_error) == ("failed_permanently", "graph_denied")
    assert [f["calendar"] for f in follow_ups(api, people["manager"], cid)] == ["not_permitted"]
    assert sync_calendars(app).sent == 0  # given up: not tried again by the job

    calendar.denied = False  # the admin granted Calendars.ReadWrite; the next change sends it
    response = api.as_(people["manager"]).patch(
        f"/api/conversations/{cid}/follow-ups/{follow_up['id']}",
        json={
            "version": follow_up["version"],
            "base": {"title": follow_up["title"]},
            "title": "Kursus betalt",
        },
    )
    assert response.status_code == 200, response.get_json()
    assert [e["subject"] for e in live(calendar)] == ["Opfølgning: Kursus betalt"]


def test_two_runs_at_once_create_each_event_once(api, people, conversation, calendar, clock, app):
    cid = conversation["id"]
    for n in range(4):
        add_follow_up(api, people["manager"], cid, f"Opfølgning {n}", f"2030-0{n + 4}-01")
    calendar.down = True
    lock(api, people, conversation)  # all pending (Graph was down for the inline try)
    calendar.down = False
    clock.now = NOW + timedelta(minutes=5)

    calendar.pause = threading.Event()
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(sync_calendars(app))) for _ in range(2)]
    for thread in threads:
        thread.start()
    calendar.pause.set()
    for thread in threads:
        thread.join(30)
    assert sum(r.created for r in reports) == 4
    creates = [t for kind, t in calendar.calls if kind == "create"]
    assert len(creates) == len(set(creates)) == 4  # no row sent twice
    assert len(calendar.store) == 4
    assert {r.status for r in rows(app)} == {"done"}


def test_a_crash_after_graph_created_the_event_never_makes_a_second(
    api, people, conversation, calendar, clock, app, monkeypatch
):
    cid = conversation["id"]
    add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    calendar.down = True
    lock(api, people, conversation)
    calendar.down = False
    clock.now = NOW + timedelta(minutes=5)

    real_finish = calendar_sync._finish

    def crash(*args, **kwargs):
        raise RuntimeError("the process died before our commit")

    monkeypatch.setattr(calendar_sync, "_finish", crash)
    with pytest.raises(RuntimeError):
        sync_calendars(app)
    assert len(calendar.store) == 1  # Graph made it; we never recorded it
    [row] = rows(app)
    assert (row.status, row.event_id, row.claimed_by is not None) == ("pending", None, True)

    monkeypatch.setattr(calendar_sync, "_finish", real_finish)
    assert sync_calendars(app).sent == 0  # still claimed by the run that died
    clock.now += timedelta(minutes=3)  # its claim ran out
    assert sync_calendars(app).created == 1
    assert len(calendar.store) == 1  # the same transactionId: Graph answered with the same event
    [row] = rows(app)
    assert (row.status, row.event_id) == ("done", next(iter(calendar.store)))


def test_removing_a_follow_up_whose_create_reached_graph_unrecorded_cancels_it(
    api, people, conversation, calendar, clock, app, monkeypatch
):
    cid = conversation["id"]
    follow_up = add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    calendar.down = True
    lock(api, people, conversation)
    calendar.down = False
    clock.now = NOW + timedelta(minutes=5)
    monkeypatch.setattr(calendar_sync, "_finish", lambda *a, **k: (_ for _ in ()).throw(RuntimeError()))
    with pytest.raises(RuntimeError):
        sync_calendars(app)
    monkeypatch.undo()
    assert (
        api.as_(people["manager"])
        .delete(f"/api/conversations/{cid}/follow-ups/{follow_up['id']}")
        .status_code
        == 204
    )
    clock.now += timedelta(minutes=3)
    assert sync_calendars(app).cancelled == 1  # found by its transaction id
    assert [e["cancelled"] for e in calendar.store.values()] == [True]
    assert rows(app) == []


def test_deleting_the_conversation_cancels_its_events(api, people, conversation, calendar, clock, app):
    from plugin.services import retention
    from plugin.storage import Conversation
    from plugin.storage.setup import new_unit_of_work

    cid = conversation["id"]
    add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    lock(api, people, conversation)
    assert len(live(calendar)) == 1
    with app.app_context():
        uow = new_unit_of_work(app)
        with uow:
            retention.delete_conversation(uow, db.session.get(Conversation, cid))
    assert sync_calendars(app).cancelled == 1
    assert live(calendar) == []


def test_ics_holds_the_follow_ups_in_the_readers_language(api, people, conversation, calendar, clock, app):
    cid = conversation["id"]
    first = add_follow_up(api, people["manager"], cid, "Kursus booket", "2030-04-10")
    add_follow_up(api, people["manager"], cid, "Status; mål, næste trin", "2030-06-15")

    def download(who, **headers):
        response = api.as_(people[who]).get(f"/api/conversations/{cid}/follow-ups.ics", headers=headers)
        assert response.status_code == 200
        assert response.mimetype == "text/calendar"
        assert response.headers["Content-Disposition"].startswith("attachment;")
        return [c for c in Calendar.from_ical(response.data).walk("VEVENT")]

    events = download("employee", **{"Accept-Language": "en"})
    assert [str(e["SUMMARY"]) for e in events] == [
        "Follow-up: Kursus booket",
        "Follow-up: Status; mål, næste trin",
    ]
    assert [e.decoded("DTSTART") for e in events] == [
        datetime(2030, 4, 10, 7, 0, tzinfo=UTC),
        datetime(2030, 6, 15, 7, 0, tzinfo=UTC),
    ]
    assert [int(e["SEQUENCE"]) for e in events] == [0, 0]
    uid = str(events[0]["UID"])
    danish = download("manager", **{"Accept-Language": "da"})
    assert str(danish[0]["SUMMARY"]) == "Opfølgning: Kursus booket"
    assert str(danish[0]["UID"]) == uid

    response = api.as_(people["manager"]).patch(
        f"/api/conversations/{cid}/follow-ups/{first['id']}",
        json={"version": first["version"], "base": {"due_on": first["due_on"]}, "due_on": "2030-04-20"},
    )
    assert response.status_code == 200
    changed = download("employee")
    assert (str(changed[0]["UID"]), int(changed[0]["SEQUENCE"])) == (uid, 1)
    assert changed[0].decoded("DTSTART").date() == date(2030, 4, 20)


@pytest.mark.parametrize("who, status", [("colleague", 403), ("outsider", 404)])
def test_ics_is_refused_to_outsiders(api, people, conversation, who, status):
    response = api.as_(people[who]).get(f"/api/conversations/{conversation['id']}/follow-ups.ics")
    assert response.status_code == status
    assert b"VCALENDAR" not in response.data


def test_invalid_dates_keep_their_422(api, people, conversation, calendar, clock, app):
    cid = conversation["id"]
    lock(api, people, conversation)
    bad = api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "x", "due_on": "2030-02-30"}
    )
    assert bad.status_code == 422
    assert rows(app) == [] and calendar.calls == []


def test_retry_delays_grow_and_are_capped():
    from plugin.domain.calendar import LONGEST_RETRY, retry_delay

    delays = [retry_delay(n) for n in range(1, 15)]
    assert delays[0] == timedelta(minutes=1) and delays[1] == timedelta(minutes=2)
    assert delays == sorted(delays) and delays[-1] == LONGEST_RETRY


def test_the_event_links_to_the_personal_tab_in_teams_when_the_app_id_is_known(
    api, people, conversation, calendar, clock, app
):
    app_id = "5f2c7a1e-0d3b-4c6a-9e8f-1a2b3c4d5e6f"
    app.extensions["mus.settings"] = app.extensions["mus.settings"].with_changes(teams_app_id=app_id)
    add_follow_up(api, people["manager"], conversation["id"], "Kursus <booket> & betalt", "2030-04-10")
    lock(api, people, conversation)
    [event] = live(calendar)
    assert f'href="https://teams.microsoft.com/l/entity/{app_id}/my-mus"' in event["body"]
    domain = app.extensions["mus.settings"].app_domain
    assert f'href="https://{domain}/tab/personal"' in event["body"]
    assert "Kursus &lt;booket&gt; &amp; betalt" in event["body"]  # the title is text in the HTML body
    assert event["subject"] == "Opfølgning: Kursus <booket> & betalt"
