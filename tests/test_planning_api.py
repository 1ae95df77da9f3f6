"""Planning a conversation ahead from the personal tab (POST /api/conversations/plan): validation,
the open-conversation guard, the calendar status when Graph is not there, and the .ics.

The suite's apps have no Microsoft 365 (only the directory is answered in-process), so here the
calendar is always `pending`; tests/test_planning_m365.py plans against the Graph stand-in."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import icalendar
import pytest

from plugin.domain.planning import transaction_id

COPENHAGEN_WINTER = timezone(timedelta(hours=1))


def ahead(days: int = 7, hour: int = 10) -> datetime:
    day = datetime.now(COPENHAGEN_WINTER) + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def plan(client, other_role: str, other_oid: str, **extra):
    body = {other_role: {"object_id": other_oid}, "starts_at": ahead().isoformat(), **extra}
    return client.post("/api/conversations/plan", json=body)


def test_manager_plans_a_mus_saved_with_calendar_pending_when_graph_is_not_there(api, people):
    starts = ahead(days=10, hour=9)
    response = plan(
        api.as_(people["manager"]), "employee", people["employee"].oid, starts_at=starts.isoformat()
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["calendar_status"] == "pending"
    assert body["duration_minutes"] == 60
    assert datetime.fromisoformat(body["scheduled_at"]) == starts
    assert datetime.fromisoformat(body["ends_at"]) == starts + timedelta(minutes=60)
    assert body["created_by"]["object_id"] == people["manager"].oid
    assert body["status"] == "planned"
    # Both parties find it in their list.
    for key in ("manager", "employee"):
        items = api.as_(people[key]).get("/api/conversations").get_json()["items"]
        assert [c["id"] for c in items] == [body["id"]]
        assert items[0]["calendar_status"] == "pending"


def test_employee_asks_the_manager_for_a_checkin_with_its_default_duration(api, people):
    response = plan(api.as_(people["employee"]), "manager", people["manager"].oid, kind="checkin")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["kind"] == "checkin"
    assert body["duration_minutes"] == 30
    assert body["employee"]["object_id"] == people["employee"].oid
    assert body["created_by"]["object_id"] == people["employee"].oid  # asked for by the employee


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"duration_minutes": 14}, "duration_minutes"),
        ({"duration_minutes": 181}, "duration_minutes"),
        ({"duration_minutes": "lang"}, "duration_minutes"),
        ({"starts_at": "2027-13-40T25:00"}, "starts_at"),
        ({"starts_at": "2027-03-02T10:00:00"}, "starts_at"),  # no offset: whose 10 o'clock?
        ({"starts_at": None}, "starts_at"),
    ],
)
def test_invalid_time_or_duration_is_a_clear_field_error(api, people, change, field):
    response = plan(api.as_(people["manager"]), "employee", people["employee"].oid, **change)
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["field"] == field
    assert error["message"]


def test_a_time_in_the_past_is_refused(api, people):
    past = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    response = plan(api.as_(people["manager"]), "employee", people["employee"].oid, starts_at=past)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "plan_in_past"
    assert error["field"] == "starts_at"
    assert api.as_(people["manager"]).get("/api/conversations").get_json()["items"] == []


def test_a_second_open_conversation_of_the_same_kind_shows_the_first(api, people):
    manager = api.as_(people["manager"])
    first = plan(manager, "employee", people["employee"].oid, title="Årets MUS").get_json()
    again = plan(api.as_(people["employee"]), "manager", people["manager"].oid)
    assert again.status_code == 409
    error = again.get_json()["error"]
    assert error["code"] == "open_conversation_exists"
    assert error["current"]["id"] == first["id"]
    assert error["current"]["title"] == "Årets MUS"
    assert error["current"]["scheduled_at"] == first["scheduled_at"]
    # Another kind is not a duplicate; and "plan another anyway" is honoured.
    assert plan(manager, "employee", people["employee"].oid, kind="checkin").status_code == 201
    another = plan(manager, "employee", people["employee"].oid, allow_another=True)
    assert another.status_code == 201
    assert another.get_json()["id"] != first["id"]
    # Another pair is not a duplicate either.
    assert plan(manager, "employee", people["colleague"].oid).status_code == 201


def test_two_planners_in_the_same_moment_make_one_conversation(app, api, people):
    clients = [api.as_(people["manager"]), api.as_(people["employee"])]
    for client in clients:  # both known to the app first (a first sign-in creates the person)
        assert client.get("/api/me").status_code == 200
    others = [("employee", people["employee"].oid), ("manager", people["manager"].oid)]
    results: list[int] = []
    barrier = threading.Barrier(2)

    def run(index: int) -> None:
        client = app.test_client()
        barrier.wait()
        role, oid = others[index]
        body = {role: {"object_id": oid}, "starts_at": ahead().isoformat()}
        response = client.post(
            "/api/conversations/plan", json=body, headers={"Authorization": f"Bearer {clients[index].token}"}
        )
        results.append(response.status_code)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [201, 409]
    assert len(api.as_(people["manager"]).get("/api/conversations").get_json()["items"]) == 1


def test_the_ics_has_the_conversation_in_utc_with_both_parties(api, people):
    starts = ahead(days=3, hour=13)
    body = plan(
        api.as_(people["manager"]),
        "employee",
        people["employee"].oid,
        starts_at=starts.isoformat(),
        duration_minutes=45,
    ).get_json()
    response = api.as_(people["employee"]).get(
        f"/api/conversations/{body['id']}/invite.ics", headers={"X-Teams-Locale": "en-GB"}
    )
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert f'filename="mus-{body["id"]}.ics"' in response.headers["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == starts.astimezone(UTC)
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTEND") == starts.astimezone(UTC) + timedelta(minutes=45)
    assert str(event["SUMMARY"]) == "MUS with Jonas Nielsen"
    assert f"/tab/content?conversation={body['id']}" in str(event["DESCRIPTION"])
    assert "teams.microsoft.com/l/entity/" in str(event["DESCRIPTION"])
    attendees = event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]]
    assert sorted(str(a).lower() for a in attendees) == ["mailto:jonas@example.dk", "mailto:mette@example.dk"]
    assert str(event["ORGANIZER"]).lower() == "mailto:mette@example.dk"
    # The UID is stable: the manager's download names the same event; Danish file name.
    again = api.as_(people["manager"]).get(
        f"/api/conversations/{body['id']}/invite.ics", headers={"X-Teams-Locale": "da-DK"}
    )
    assert f'filename="mus-samtale-{body["id"]}.ics"' in again.headers["Content-Disposition"]
    [event_again] = icalendar.Calendar.from_ical(again.data).walk("VEVENT")
    assert str(event_again["UID"]) == str(event["UID"])
    assert str(event_again["SUMMARY"]) == "MUS med Jonas Nielsen"


def test_the_ics_is_only_for_the_parties(api, people):
    body = plan(api.as_(people["manager"]), "employee", people["employee"].oid).get_json()
    for key in ("colleague", "outsider"):
        response = api.as_(people[key]).get(f"/api/conversations/{body['id']}/invite.ics")
        assert response.status_code in (403, 404)
        assert response.get_json()["error"]["code"]


def test_a_conversation_without_a_time_has_no_ics(api, people, conversation):
    response = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}/invite.ics")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "plan_no_time"


def test_the_transaction_id_is_stable_per_conversation_and_unique_across_databases():
    made = datetime(2027, 1, 4, 9, 30, 12, 345000, tzinfo=UTC)
    assert transaction_id(7, made) == transaction_id(7, made)
    assert transaction_id(7, made) != transaction_id(8, made)
    assert transaction_id(7, made) != transaction_id(7, made + timedelta(seconds=1))
