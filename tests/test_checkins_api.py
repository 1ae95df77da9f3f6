"""Asynchronous check-ins: each party writes only their part, sees the other's once it is done,
closing applies the progress once; goal adjustments (agreed goals through a new agreement version)
and successes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select

from plugin.storage import CheckinClosure, CheckinResponse, Conversation, GoalProgress, Person, WellbeingPulse
from plugin.storage.db import db


def plan_checkin(api, people) -> dict:
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={
            "kind": "checkin",
            "employee": {"object_id": people["employee"].oid},
            "title": "Opfølgning maj",
        },
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def add_goal(api, people, cid: int, title: str) -> dict:
    response = api.as_(people["manager"]).post(f"/api/conversations/{cid}/goals", json={"title": title})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


@pytest.fixture
def setup(api, people, conversation):
    """A MUS with two goals (not agreed) and a check-in of the same pair."""
    g1 = add_goal(api, people, conversation["id"], "Automatisere rapporten")
    g2 = add_goal(api, people, conversation["id"], "Lære SQL")
    checkin = plan_checkin(api, people)
    return {"mus": conversation, "goals": [g1, g2], "cid": checkin["id"]}


def show(api, person, cid: int) -> dict:
    response = api.as_(person).get(f"/api/conversations/{cid}/checkin")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def save(api, person, cid: int, version: int, **answers):
    body = {"version": version, "goals": [], "blockers": "", "next_steps": "", **answers}
    return api.as_(person).put(f"/api/conversations/{cid}/checkin/mine", json=body)


def done(api, person, cid: int, version: int):
    return api.as_(person).post(f"/api/conversations/{cid}/checkin/mine/done", json={"version": version})


def fill(api, person, cid: int, goals: list[dict], percents: list[int], **extra) -> dict:
    answers = [
        {"goal_id": g["id"], "percent": p, "note": f"note {p}"} for g, p in zip(goals, percents, strict=True)
    ]
    response = save(api, person, cid, 0, goals=answers, **extra)
    assert response.status_code == 200, response.get_json()
    version = response.get_json()["mine"]["version"]
    response = done(api, person, cid, version)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def progress_rows(app, cid: int) -> int:
    with app.app_context():
        n = db.session.scalar(
            select(func.count()).select_from(GoalProgress).where(GoalProgress.conversation_id == cid)
        )
        db.session.remove()
        return n


# --- my part and theirs -----------------------------------------------------------------------------


def test_each_party_writes_only_their_part_and_sees_the_other_only_once_done(api, people, setup):
    cid, goals = setup["cid"], setup["goals"]
    view = show(api, people["employee"], cid)
    assert [g["id"] for g in view["goals"]] == [g["id"] for g in goals]
    assert (view["mine"]["state"], view["theirs"]["state"]) == ("not_started", "not_started")

    response = save(
        api,
        people["employee"],
        cid,
        0,
        goals=[{"goal_id": goals[0]["id"], "percent": 60, "note": "Halvvejs"}],
        blockers="Mangler adgang til databasen",
        pulse={"score": 4, "comment": "Travlt men godt", "shared": True},
        next_steps="Bede IT om adgang",
    )
    assert response.status_code == 200, response.get_json()
    mine = response.get_json()["mine"]
    assert mine["state"] == "in_progress" and mine["version"] == 1
    assert mine["answers"]["blockers"] == "Mangler adgang til databasen"

    # The manager writes at the same time: their own row, nothing of Jonas's is touched or shown.
    response = save(api, people["manager"], cid, 0, blockers="Ingen", next_steps="Sparring hver uge")
    assert response.status_code == 200, response.get_json()
    manager_view = response.get_json()
    assert manager_view["theirs"]["state"] == "in_progress"
    assert manager_view["theirs"]["answers"] is None  # still filling in
    assert "Mangler adgang" not in str(manager_view)
    assert show(api, people["employee"], cid)["mine"]["answers"]["blockers"] == "Mangler adgang til databasen"

    # Jonas marks his part done: now Mette sees it, and it no longer changes.
    assert done(api, people["employee"], cid, 1).status_code == 200
    theirs = show(api, people["manager"], cid)["theirs"]
    assert theirs["state"] == "done"
    assert theirs["answers"]["blockers"] == "Mangler adgang til databasen"
    assert theirs["answers"]["pulse"] == {"score": 4, "comment": "Travlt men godt", "shared": True}
    assert theirs["answers"]["goals"] == [{"goal_id": goals[0]["id"], "percent": 60, "note": "Halvvejs"}]
    again = save(api, people["employee"], cid, 2, blockers="Ændret")
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "checkin_part_done"


def test_a_private_pulse_stays_private_after_done(api, people, setup):
    cid = setup["cid"]
    fill(api, people["employee"], cid, [], [], pulse={"score": 2, "comment": "Presset", "shared": False})
    theirs = show(api, people["manager"], cid)["theirs"]
    assert theirs["answers"]["pulse"] == {"score": None, "comment": "", "shared": False}
    assert show(api, people["employee"], cid)["mine"]["answers"]["pulse"]["score"] == 2


def test_a_write_from_an_old_version_is_409_stale_with_the_current_part(api, people, setup):
    cid = setup["cid"]
    assert save(api, people["employee"], cid, 0, blockers="Første").status_code == 200
    assert save(api, people["employee"], cid, 1, blockers="Anden").status_code == 200
    stale = save(api, people["employee"], cid, 1, blockers="Fra en gammel fane")
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert error["code"] == "stale_version"
    assert error["current"]["mine"]["answers"]["blockers"] == "Anden"
    assert error["current"]["mine"]["version"] == 2
    first_again = save(api, people["employee"], cid, 0, blockers="Ny start")
    assert first_again.status_code == 409 and first_again.get_json()["error"]["code"] == "stale_version"


@pytest.mark.parametrize(
    ("answers", "code", "field"),
    [
        ({"goals": [{"goal_id": 0, "percent": 10}]}, None, None),
        ({"pulse": {"score": 6}}, "pulse_out_of_range", "score"),
        ({"pulse": {"score": 0}}, "pulse_out_of_range", "score"),
    ],
)
def test_bad_answers_are_422(api, people, setup, answers, code, field):
    response = save(api, people["employee"], setup["cid"], 0, **answers)
    assert response.status_code == 422, response.get_json()
    if code:
        assert response.get_json()["error"]["code"] == code


@pytest.mark.parametrize("percent", [-1, 101, 1000])
def test_percent_out_of_range_is_422(api, people, setup, percent):
    goal = setup["goals"][0]
    response = save(
        api, people["employee"], setup["cid"], 0, goals=[{"goal_id": goal["id"], "percent": percent}]
    )
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["error"]["code"] == "progress_out_of_range"
    assert show(api, people["employee"], setup["cid"])["mine"]["state"] == "not_started"


def test_a_goal_of_another_pair_is_422(api, people, setup):
    other = api.as_(people["colleague"]).post(
        "/api/conversations",
        json={
            "employee": {"object_id": people["colleague"].oid},
            "manager": {"object_id": people["manager"].oid},
            "confirm_relationship": True,
        },
    )
    if other.status_code != 201:  # the directory decides who may plan; a goal id nobody has works the same
        goal_id = 987654
    else:
        goal_id = (
            api.as_(people["manager"])
            .post(f"/api/conversations/{other.get_json()['id']}/goals", json={"title": "Andet"})
            .get_json()["id"]
        )
    response = save(api, people["employee"], setup["cid"], 0, goals=[{"goal_id": goal_id, "percent": 10}])
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "checkin_goal_unknown"


@pytest.mark.parametrize(("field", "label"), [("blockers", "Forhindringer"), ("next_steps", "Næste skridt")])
def test_too_long_texts_are_refused_naming_the_field(api, people, setup, app, field, label):
    # The house contract for a text over the limit: 413 text_too_large naming the field.
    limit = app.extensions["mus.settings"].max_text_bytes
    response = save(api, people["employee"], setup["cid"], 0, **{field: "x" * (limit + 1)})
    assert response.status_code == 413, response.get_json()
    error = response.get_json()["error"]
    assert (error["code"], error["field"]) == ("text_too_large", field)
    assert label in error["message"]
    assert show(api, people["employee"], setup["cid"])["mine"]["state"] == "not_started"


def test_a_mus_has_no_asynchronous_checkin(api, people, setup):
    response = api.as_(people["employee"]).get(f"/api/conversations/{setup['mus']['id']}/checkin")
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "checkin_not_a_checkin"


# --- closing ----------------------------------------------------------------------------------------


def test_close_only_when_both_are_done_then_progress_applies_once(api, people, setup, app):
    cid, goals = setup["cid"], setup["goals"]
    fill(api, people["employee"], cid, goals, [60, 20], pulse={"score": 4, "shared": True})
    early = api.as_(people["employee"]).post(f"/api/conversations/{cid}/checkin/close")
    assert early.status_code == 409 and early.get_json()["error"]["code"] == "checkin_not_ready"
    assert "ikke" not in early.get_json()["error"]["message"] or early.get_json()["error"]["message"]
    fill(api, people["manager"], cid, goals[:1], [50])
    assert show(api, people["manager"], cid)["can_close"] is True

    outsider = api.as_(people["colleague"]).post(f"/api/conversations/{cid}/checkin/close")
    assert outsider.status_code in (403, 404)
    assert progress_rows(app, cid) == 0

    closed = api.as_(people["manager"]).post(f"/api/conversations/{cid}/checkin/close")
    assert closed.status_code == 200, closed.get_json()
    body = closed.get_json()
    assert body["closed"] is True and body["can_close"] is False
    assert body["closed_by"]["display_name"] == "Mette Sørensen"
    assert body["status"] == "reviewing"  # held, by the lifecycle's own rules

    again = api.as_(people["employee"]).post(f"/api/conversations/{cid}/checkin/close")
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "checkin_closed"
    assert progress_rows(app, cid) == 3

    # Both see the new progress on the goals list, each entry by the party who gave it.
    listed = api.as_(people["employee"]).get(f"/api/conversations/{setup['mus']['id']}/goals").get_json()
    first = next(g for g in listed["items"] if g["id"] == goals[0]["id"])
    assert [(p["percent"], p["author"]["display_name"], p["conversation_id"]) for p in first["progress"]] == [
        (60, "Jonas Nielsen", cid),
        (50, "Mette Sørensen", cid),
    ]
    second = next(g for g in listed["items"] if g["id"] == goals[1]["id"])
    assert second["progress_percent"] == 20
    with app.app_context():
        pulses = db.session.scalars(select(WellbeingPulse).where(WellbeingPulse.conversation_id == cid)).all()
        assert [(p.score, p.shared) for p in pulses] == [(4, True)]
        db.session.remove()
    # A closed check-in's parts no longer change.
    late = save(api, people["employee"], cid, 2, blockers="For sent")
    assert late.status_code == 409 and late.get_json()["error"]["code"] == "checkin_closed"


def test_both_closing_at_the_same_moment_applies_progress_once(api, people, setup, app):
    cid, goals = setup["cid"], setup["goals"]
    fill(api, people["employee"], cid, goals, [70, 30])
    fill(api, people["manager"], cid, goals, [65, 35])
    start = threading.Barrier(2)
    answers: list = []

    def close(person):
        client = app.test_client()
        start.wait()
        answers.append(
            client.post(
                f"/api/conversations/{cid}/checkin/close", headers={"Authorization": f"Bearer {person.token}"}
            )
        )

    threads = [threading.Thread(target=close, args=(people[who],)) for who in ("employee", "manager")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 409], [a.get_json() for a in answers]
    refused = next(a for a in answers if a.status_code == 409)
    assert refused.get_json()["error"]["code"] in ("checkin_closed", "conflict")
    assert progress_rows(app, cid) == 4


# --- goal adjustments -------------------------------------------------------------------------------


def agree(api, people, mus: dict) -> None:
    cid = mus["id"]
    current = api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
    response = api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/transition", json={"status": "in_meeting", "version": current["version"]}
    )
    assert response.status_code == 200, response.get_json()
    number = api.as_(people["manager"]).post(f"/api/conversations/{cid}/agreement").get_json()["number"]
    for who in ("employee", "manager"):
        response = api.as_(people[who]).post(
            f"/api/conversations/{cid}/agreement/{number}/decision", json={"decision": "approved"}
        )
        assert response.status_code == 200, response.get_json()


def test_adjusting_a_locked_goal_opens_a_new_version_and_keeps_the_agreed_values(api, people, setup):
    mus, cid = setup["mus"], setup["cid"]
    agree(api, people, mus)
    goal = api.as_(people["employee"]).get(f"/api/goals/{setup['goals'][0]['id']}").get_json()
    assert show(api, people["employee"], cid)["goals"][0]["locked"] is True

    response = api.as_(people["employee"]).post(
        f"/api/goals/{goal['id']}/adjustments",
        json={
            "version": goal["version"],
            "checkin_id": cid,
            "title": "Automatisere to rapporter",
            "deadline": "2031-06-01",
        },
    )
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["applied"] is False and result["agreement_number"] == 2
    assert result["goal"]["title"] == "Automatisere rapporten"  # the agreed value stays
    assert result["pending"]["changes"] == {"title": "Automatisere to rapporter", "deadline": "2031-06-01"}

    agreement = api.as_(people["manager"]).get(f"/api/conversations/{mus['id']}/agreement").get_json()
    assert agreement["conversation_status"] == "reviewing"
    newest, agreed = agreement["items"][0], agreement["items"][1]
    assert newest["state"] == "draft"
    assert newest["snapshot"]["goals"][0]["title"] == "Automatisere to rapporter"
    assert agreed["snapshot"]["goals"][0]["title"] == "Automatisere rapporten"
    assert (
        api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()["title"]
        == "Automatisere rapporten"
    )
    assert (
        show(api, people["manager"], cid)["goals"][0]["pending"]["proposed_by"]["display_name"]
        == "Jonas Nielsen"
    )

    # One approval is not enough; the second applies it, with the proposer in the goal's history.
    for who in ("manager", "employee"):
        before = api.as_(people[who]).get(f"/api/goals/{goal['id']}").get_json()["title"]
        assert before == "Automatisere rapporten"
        response = api.as_(people[who]).post(
            f"/api/conversations/{mus['id']}/agreement/2/decision", json={"decision": "approved"}
        )
        assert response.status_code == 200, response.get_json()
    after = api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()
    assert (after["title"], after["deadline"]) == ("Automatisere to rapporter", "2031-06-01")
    history = api.as_(people["manager"]).get(f"/api/goals/{goal['id']}/history").get_json()["items"]
    assert [(h["field"], h["old_value"], h["new_value"], h["author"]["display_name"]) for h in history] == [
        ("title", "Automatisere rapporten", "Automatisere to rapporter", "Jonas Nielsen"),
        ("deadline", None, "2031-06-01", "Jonas Nielsen"),
    ]
    assert show(api, people["employee"], cid)["goals"][0]["pending"] is None
    assert api.as_(people["manager"]).get(f"/api/conversations/{mus['id']}").get_json()["status"] == "agreed"


def test_adjusting_an_unlocked_goal_applies_at_once_with_history(api, people, setup):
    goal = setup["goals"][1]
    response = api.as_(people["manager"]).post(
        f"/api/goals/{goal['id']}/adjustments",
        json={"version": goal["version"], "measure": "Tre forespørgsler om ugen"},
    )
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["applied"] is True and result["pending"] is None
    assert result["goal"]["measure"] == "Tre forespørgsler om ugen"
    history = api.as_(people["employee"]).get(f"/api/goals/{goal['id']}/history").get_json()["items"]
    assert [(h["field"], h["new_value"], h["author"]["display_name"]) for h in history] == [
        ("measure", "Tre forespørgsler om ugen", "Mette Sørensen")
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"title": ""}, 422),
        ({"title": "   "}, 422),
        ({}, 422),
        ({"specific": "x"}, 422),
        ({"status": "done"}, 422),
    ],
)
def test_bad_adjustments_are_422(api, people, setup, body, status):
    goal = setup["goals"][0]
    response = api.as_(people["manager"]).post(
        f"/api/goals/{goal['id']}/adjustments", json={"version": goal["version"], **body}
    )
    assert response.status_code == status, response.get_json()
    assert api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()["title"] == goal["title"]


def test_an_adjustment_from_an_old_goal_version_is_409(api, people, setup):
    goal = setup["goals"][0]
    first = api.as_(people["manager"]).post(
        f"/api/goals/{goal['id']}/adjustments", json={"version": goal["version"], "measure": "A"}
    )
    assert first.status_code == 200
    stale = api.as_(people["employee"]).post(
        f"/api/goals/{goal['id']}/adjustments", json={"version": goal["version"], "measure": "B"}
    )
    assert stale.status_code == 409 and stale.get_json()["error"]["code"] == "stale_version"


# --- successes --------------------------------------------------------------------------------------


def test_marking_a_success_shows_it_to_both(api, people, setup):
    goal, cid = setup["goals"][0], setup["cid"]
    response = api.as_(people["employee"]).post(
        f"/api/goals/{goal['id']}/success", json={"note": "Rapporten tager nu 40 minutter", "checkin_id": cid}
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["marked_by"]["display_name"] == "Jonas Nielsen"
    for who in ("employee", "manager"):
        items = api.as_(people[who]).get("/api/me/successes").get_json()["items"]
        assert [(s["goal_id"], s["note"]) for s in items] == [(goal["id"], "Rapporten tager nu 40 minutter")]
    assert api.as_(people["colleague"]).get("/api/me/successes").get_json()["items"] == []
    assert api.as_(people["manager"]).get(f"/api/goals/{goal['id']}").get_json()["status"] == "achieved"
    view = show(api, people["manager"], cid)
    assert view["goals"][0]["success"]["note"] == "Rapporten tager nu 40 minutter"
    history = api.as_(people["manager"]).get(f"/api/goals/{goal['id']}/history").get_json()["items"]
    assert [(h["field"], h["new_value"]) for h in history] == [("status", "achieved")]


@pytest.mark.parametrize("note", ["", "   ", "x" * 501])
def test_a_success_needs_a_short_note(api, people, setup, note):
    goal = setup["goals"][0]
    response = api.as_(people["employee"]).post(f"/api/goals/{goal['id']}/success", json={"note": note})
    assert response.status_code == 422, response.get_json()
    assert api.as_(people["employee"]).get(f"/api/goals/{goal['id']}").get_json()["status"] == "draft"


def test_outsiders_reach_nothing(api, people, setup):
    cid, goal = setup["cid"], setup["goals"][0]
    for who in ("colleague", "outsider"):
        client = api.as_(people[who])
        assert client.get(f"/api/conversations/{cid}/checkin").status_code in (403, 404)
        assert save(api, people[who], cid, 0, blockers="x").status_code in (403, 404)
        assert client.post(f"/api/goals/{goal['id']}/success", json={"note": "Hej"}).status_code in (403, 404)
        assert client.get("/api/me/checkins").get_json()["items"] == []


def test_my_checkins_lists_the_state_of_each_part(api, people, setup):
    cid = setup["cid"]
    assert save(api, people["employee"], cid, 0, blockers="Lidt").status_code == 200
    mine = api.as_(people["employee"]).get("/api/me/checkins").get_json()["items"]
    assert [(c["conversation_id"], c["my_state"], c["their_state"], c["closed"]) for c in mine] == [
        (cid, "in_progress", "not_started", False)
    ]
    theirs = api.as_(people["manager"]).get("/api/me/checkins").get_json()["items"]
    assert [(c["my_state"], c["their_state"]) for c in theirs] == [("not_started", "in_progress")]


def _statements(app, call) -> int:
    count = 0

    def counter(*args, **kwargs):
        nonlocal count
        count += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count


def _held_checkins(app, people, n: int) -> list[int]:
    """`n` earlier check-ins of the pair, both parts done and closed (as years of history leave)."""
    with app.app_context():
        ids = {
            p.object_id: p.id
            for p in db.session.scalars(
                select(Person).where(Person.object_id.in_([people["employee"].oid, people["manager"].oid]))
            )
        }
        employee, manager = ids[people["employee"].oid], ids[people["manager"].oid]
        tenant = db.session.get(Person, employee).tenant_id
        made = []
        for month in range(1, n + 1):
            checkin = Conversation(
                tenant_id=tenant,
                kind="checkin",
                status="agreed",
                employee_id=employee,
                manager_id=manager,
                created_by_id=manager,
                template_key="checkin-default",
                title=f"Check-in {month}",
                scheduled_at=datetime(2020, month, 1, 9, tzinfo=UTC),
            )
            db.session.add(checkin)
            db.session.flush()
            for party, person in (("employee", employee), ("manager", manager)):
                db.session.add(
                    CheckinResponse(conversation_id=checkin.id, person_id=person, party=party, state="done")
                )
            db.session.add(CheckinClosure(conversation_id=checkin.id, closed_by_id=manager))
            made.append(checkin.id)
        db.session.commit()
        db.session.remove()
    return made


def test_my_checkins_take_the_same_statements_however_many(api, people, setup, app):
    cid = setup["cid"]
    assert save(api, people["employee"], cid, 0, blockers="Lidt").status_code == 200
    listing = {who: api.as_(people[who]) for who in ("employee", "manager")}
    before = {
        who: _statements(app, lambda c=client: c.get("/api/me/checkins")) for who, client in listing.items()
    }
    held = _held_checkins(app, people, 6)
    after = {
        who: _statements(app, lambda c=client: c.get("/api/me/checkins")) for who, client in listing.items()
    }
    assert after == before  # not one more statement per check-in
    for who, client in listing.items():
        items = client.get("/api/me/checkins").get_json()["items"]
        states = {c["conversation_id"]: (c["my_state"], c["their_state"], c["closed"]) for c in items}
        assert {i: states[i] for i in held} == dict.fromkeys(held, ("done", "done", True))
        mine, theirs = ("in_progress", "not_started") if who == "employee" else ("not_started", "in_progress")
        assert states[cid] == (mine, theirs, False)
        assert items[0]["conversation_id"] == cid  # newest first: unscheduled, then by date


def test_my_data_export_holds_my_own_part_only(api, people, setup):
    cid = setup["cid"]
    assert save(api, people["employee"], cid, 0, blockers="Jonas' forhindring").status_code == 200
    assert save(api, people["manager"], cid, 0, blockers="Mettes forhindring").status_code == 200
    export = api.as_(people["employee"]).get("/api/me/export")
    assert export.status_code == 200, export.get_json()
    by_id = {c["id"]: c for c in export.get_json()["conversations"]}
    assert by_id[cid]["my_checkin_part"]["blockers"] == "Jonas' forhindring"
    assert "Mettes forhindring" not in export.get_data(as_text=True)
    assert by_id[setup["mus"]["id"]]["my_checkin_part"] is None
