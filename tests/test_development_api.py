from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.directory import person_oid
from tests.support.idp import TENANT_B

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def make_goal(api, person, conversation_id: int, title: str = "Python") -> dict:
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/goals", json={"title": title})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_action(api, person, conversation_id: int, **fields) -> dict:
    body = {"kind": "course", "title": "Python-kursus", **fields}
    response = api.as_(person).post(f"/api/conversations/{conversation_id}/actions", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def plan(api, planner, employee_oid: str) -> dict:
    response = api.as_(planner).post("/api/conversations", json={"employee": {"object_id": employee_oid}})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_development_plan_action_serving_a_goal(api, people, conversation, events, app):
    app.extensions["mus.clock"] = lambda: NOW
    cid = conversation["id"]
    goal = make_goal(api, people["manager"], cid)
    action = make_action(
        api,
        people["employee"],
        cid,
        goal_id=goal["id"],
        owner="manager",
        resources="Kursusgebyr 4.500 kr. og to dages frihed",
        due_date="2026-05-15",
    )
    assert action["goal_id"] == goal["id"]
    assert action["kind"] == "course"
    assert action["status"] == "planned"
    assert action["owner"] == {
        "object_id": people["manager"].oid,
        "display_name": "Mette Sørensen",
        "email": "mette@example.dk",
        "role": "manager",
        "left": False,  # still in the organisation
    }
    assert action["due_date"] == "2026-05-15"
    assert action["created_at"].startswith("2026-03-02T09:30:00")
    mentoring = make_action(api, people["manager"], cid, kind="mentoring", title="Sparring med en senior")
    assert mentoring["owner"]["role"] == "employee"
    assert mentoring["owner"]["object_id"] == people["employee"].oid
    assert mentoring["goal_id"] is None

    listed = api.as_(people["manager"]).get(f"/api/conversations/{cid}/actions")
    assert listed.status_code == 200
    assert [a["id"] for a in listed.get_json()["items"]] == [action["id"], mentoring["id"]]
    assert [(e.kind, e.data["id"]) for e in events if e.kind.startswith("action.")] == [
        ("action.created", action["id"]),
        ("action.created", mentoring["id"]),
    ]


def test_actions_belong_to_their_conversation(api, people, conversation):
    other = plan(api, people["manager"], people["colleague"].oid)
    make_action(api, people["manager"], other["id"])
    listed = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}/actions")
    assert listed.get_json()["items"] == []


def test_goal_of_another_employee_is_refused(api, people, conversation):
    cid, mgr = conversation["id"], people["manager"]
    colleague_mus = plan(api, mgr, people["colleague"].oid)
    colleagues_goal = make_goal(api, mgr, colleague_mus["id"], title="Kollegas mål")
    refused = api.as_(mgr).post(
        f"/api/conversations/{cid}/actions",
        json={"kind": "course", "title": "Kursus", "goal_id": colleagues_goal["id"]},
    )
    assert refused.status_code == 422
    error = refused.get_json()["error"]
    assert (error["code"], error["field"]) == ("goal_not_in_conversation", "goal_id")
    assert error["message"] == "Målet hører ikke til denne medarbejder."
    assert api.as_(mgr).get(f"/api/conversations/{cid}/actions").get_json()["items"] == []

    action = make_action(api, mgr, cid)
    patched = api.as_(mgr).patch(
        f"/api/actions/{action['id']}", json={"version": 1, "goal_id": colleagues_goal["id"]}
    )
    assert patched.status_code == 422
    assert patched.get_json()["error"]["code"] == "goal_not_in_conversation"
    missing = api.as_(mgr).patch(f"/api/actions/{action['id']}", json={"version": 1, "goal_id": 9999})
    assert missing.status_code == 422


def test_goal_in_another_organisation_is_refused(api, people, conversation):
    outsider = people["outsider"]
    their_mus = plan(api, outsider, person_oid(TENANT_B, "outsider_report"))
    their_goal = make_goal(api, outsider, their_mus["id"], title="Fremmed mål")
    refused = api.as_(people["employee"]).post(
        f"/api/conversations/{conversation['id']}/actions",
        json={"kind": "workshop", "title": "Workshop", "goal_id": their_goal["id"]},
    )
    assert refused.status_code == 422
    assert refused.get_json()["error"]["code"] == "goal_not_in_conversation"


def test_action_is_updated_with_its_version(api, people, conversation, events):
    cid = conversation["id"]
    goal = make_goal(api, people["manager"], cid)
    action = make_action(api, people["employee"], cid, goal_id=goal["id"])
    first = api.as_(people["employee"]).patch(
        f"/api/actions/{action['id']}",
        json={
            "version": 1,
            "status": "in_progress",
            "owner": "manager",
            "goal_id": None,
            "due_date": "2026-09-01",
        },
    )
    assert first.status_code == 200, first.get_json()
    body = first.get_json()
    assert (body["status"], body["owner"]["role"], body["goal_id"], body["due_date"], body["version"]) == (
        "in_progress",
        "manager",
        None,
        "2026-09-01",
        2,
    )
    assert body["title"] == "Python-kursus"  # untouched
    assert [e.data["version"] for e in events if e.kind == "action.updated"] == [2]

    stale = api.as_(people["manager"]).patch(
        f"/api/actions/{action['id']}", json={"version": 1, "status": "done"}
    )
    assert stale.status_code == 409
    error = stale.get_json()["error"]
    assert error["code"] == "edit_conflict"
    conflicts = [(f["field"], f["theirs"], f["mine"]) for f in error["fields"]]
    assert conflicts == [("status", "in_progress", "done")]
    assert error["current"]["status"] == "in_progress"
    assert error["current"]["owner"]["role"] == "manager"
    assert error["current"]["version"] == 2
    items = api.as_(people["manager"]).get(f"/api/conversations/{cid}/actions").get_json()["items"]
    assert items[0]["status"] == "in_progress"


@pytest.mark.parametrize(
    "change,field",
    [
        ({"kind": "holiday"}, "kind"),
        ({"owner": "hr"}, "owner"),
        ({"title": ""}, "title"),
        ({"status": None}, "status"),
    ],
)
def test_invalid_action_fields_are_named(api, people, conversation, change, field):
    cid = conversation["id"]
    created = api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/actions", json={"kind": "course", "title": "Kursus", **change}
    )
    assert created.status_code == 422
    assert created.get_json()["error"]["field"] == field
    action = make_action(api, people["manager"], cid)
    patched = api.as_(people["manager"]).patch(f"/api/actions/{action['id']}", json={"version": 1, **change})
    assert patched.status_code == 422
    assert patched.get_json()["error"]["field"] == field


def test_idempotency_key_creates_one_action(api, people, conversation):
    client, cid = api.as_(people["employee"]), conversation["id"]
    body = {"kind": "job_rotation", "title": "To uger i økonomiafdelingen"}
    first = client.post(f"/api/conversations/{cid}/actions", json=body, headers={"Idempotency-Key": "a-1"})
    again = client.post(f"/api/conversations/{cid}/actions", json=body, headers={"Idempotency-Key": "a-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(client.get(f"/api/conversations/{cid}/actions").get_json()["items"]) == 1


def test_danish_letters_and_emoji_round_trip(api, people, conversation):
    resources = "Bøger om ledelse, to halve dage og en mentor på Ærø 📚"
    action = make_action(
        api, people["manager"], conversation["id"], title="Læse og øve 🎯", resources=resources
    )
    response = api.as_(people["employee"]).get(f"/api/conversations/{conversation['id']}/actions")
    assert "Ærø" in response.get_data(as_text=True)
    item = response.get_json()["items"][0]
    assert (item["title"], item["resources"]) == ("Læse og øve 🎯", resources)
    assert item["id"] == action["id"]


def test_missing_action_is_404(api, people):
    assert api.as_(people["manager"]).patch("/api/actions/999", json={"version": 1}).status_code == 404


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_two_parties_see_or_change_actions(api, people, conversation, who, status):
    cid = conversation["id"]
    action = make_action(api, people["manager"], cid)
    client = api.as_(people[who])
    assert client.get(f"/api/conversations/{cid}/actions").status_code == status
    assert (
        client.post(f"/api/conversations/{cid}/actions", json={"kind": "other", "title": "x"}).status_code
        == status
    )
    assert (
        client.patch(f"/api/actions/{action['id']}", json={"version": 1, "title": "x"}).status_code == status
    )
    items = api.as_(people["employee"]).get(f"/api/conversations/{cid}/actions").get_json()["items"]
    assert [(a["title"], a["version"]) for a in items] == [("Python-kursus", 1)]
