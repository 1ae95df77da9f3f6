from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from plugin.storage import AuditEvent, DevelopmentAction, Goal, Person
from plugin.storage.db import db

FROZEN = datetime(2030, 3, 4, 9, 30, tzinfo=UTC)


def start_meeting(api, people, conversation) -> None:
    response = api.as_(people["manager"]).post(
        f"/api/conversations/{conversation['id']}/transition",
        json={"status": "in_meeting", "version": conversation["version"]},
    )
    assert response.status_code == 200, response.get_json()


def write_notes(api, person, cid: int, index: int, notes: str) -> dict:
    client = api.as_(person)
    item = client.get(f"/api/conversations/{cid}").get_json()["agenda"][index]
    response = client.patch(
        f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": item["version"], "notes": notes}
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def summaries(api, person, cid: int) -> list[dict]:
    response = api.as_(person).get(f"/api/conversations/{cid}/agreement/summaries")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def write_summary(api, person, cid: int, index: int, text: str) -> dict:
    item = summaries(api, person, cid)[index]
    response = api.as_(person).put(
        f"/api/conversations/{cid}/agreement/summaries/{item['item_id']}",
        json={"version": item["version"], "base": item["text"], "text": text},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def draft(api, person, cid: int):
    return api.as_(person).post(f"/api/conversations/{cid}/agreement")


def decide(api, person, cid: int, number: int, decision: str, **extra):
    return api.as_(person).post(
        f"/api/conversations/{cid}/agreement/{number}/decision", json={"decision": decision, **extra}
    )


def status_of(api, people, cid: int) -> str:
    return api.as_(people["employee"]).get(f"/api/conversations/{cid}").get_json()["status"]


@pytest.fixture
def agreed(api, people, conversation):
    """A conversation whose version 1 both parties approved."""
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 6, "Vi aftaler et kursus i Python")
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    assert decide(api, people["employee"], cid, 1, "approved").status_code == 200
    assert decide(api, people["manager"], cid, 1, "approved").status_code == 200
    assert status_of(api, people, cid) == "agreed"
    return conversation


def test_full_approval_flow(api, people, conversation, events, app):
    cid = conversation["id"]
    emp, mgr = people["employee"], people["manager"]
    app.extensions["mus.clock"] = lambda: FROZEN
    write_notes(api, emp, cid, 6, "Jonas tager kurset i Q2")
    start_meeting(api, people, conversation)

    first = draft(api, mgr, cid)
    assert first.status_code == 201, first.get_json()
    v1 = first.get_json()
    assert (v1["number"], v1["state"], v1["locked_at"], v1["decisions"]) == (1, "draft", None, [])
    assert v1["created_by"]["object_id"] == mgr.oid
    # Nobody chose to keep the notes: the summary starts empty and the notes are not in the agreement.
    assert v1["snapshot"]["agenda"][6]["summary"] == ""
    assert "Jonas tager kurset i Q2" not in str(v1)
    seen = api.as_(emp).get(f"/api/conversations/{cid}").get_json()
    assert seen["status"] == "reviewing"
    assert seen["meeting_ended_at"] is not None

    approved = decide(api, emp, cid, 1, "approved")
    assert approved.status_code == 200, approved.get_json()
    [decision] = approved.get_json()["decisions"]
    assert decision["party"] == "employee"
    assert (decision["person"]["object_id"], decision["person"]["display_name"]) == (emp.oid, emp.name)
    assert decision["decided_at"].startswith("2030-03-04T09:30")

    changes = decide(
        api, mgr, cid, 1, "changes_requested", comment="Tilføj en dato for kurset", disagreement=True
    )
    assert changes.status_code == 200
    body = changes.get_json()
    assert body["state"] == "changes_requested"
    assert body["locked_at"] is None
    manager_decision = next(d for d in body["decisions"] if d["party"] == "manager")
    assert manager_decision["comment"] == "Tilføj en dato for kurset"
    assert manager_decision["disagreement"] is True

    # Editing a summary in review opens version 2 at once: the employee's approval of 1 does not count.
    written = write_summary(api, mgr, cid, 6, "Jonas tager kurset senest 1. juni")
    assert written["agreement_number"] == 2
    assert status_of(api, people, cid) == "reviewing"
    assert decide(api, emp, cid, 1, "approved").status_code == 409  # superseded

    assert decide(api, emp, cid, 2, "approved").status_code == 200
    both = decide(api, mgr, cid, 2, "approved")
    assert both.status_code == 200
    assert both.get_json()["state"] == "agreed"
    assert both.get_json()["locked_at"] is not None
    assert status_of(api, people, cid) == "agreed"
    # Not kept: the notes went at the lock.
    item = api.as_(emp).get(f"/api/conversations/{cid}").get_json()["agenda"][6]
    assert (item["notes"], item["notes_removed"]) == ("", True)

    # A later change opens version 3; version 2 stays readable and locked.
    assert write_summary(api, emp, cid, 0, "Ny opgave i teamet")["agreement_number"] == 3
    assert status_of(api, people, cid) == "reviewing"
    for person in (emp, mgr):
        listing = api.as_(person).get(f"/api/conversations/{cid}/agreement").get_json()
        assert listing["conversation_status"] == "reviewing"
        assert [(v["number"], v["state"]) for v in listing["items"]] == [
            (3, "draft"),
            (2, "agreed"),
            (1, "superseded"),
        ]
        locked = listing["items"][1]
        assert locked["locked_at"] is not None
        assert locked["snapshot"]["agenda"][6]["summary"] == "Jonas tager kurset senest 1. juni"
        assert locked["snapshot"]["agenda"][0]["summary"] == ""
        assert {d["decision"] for d in locked["decisions"]} == {"approved"}
        assert listing["items"][0]["snapshot"]["agenda"][0]["summary"] == "Ny opgave i teamet"

    kinds = [e.kind for e in events]
    assert kinds.count("agreement.drafted") == 3
    assert kinds.count("agreement.decided") == 4
    assert [e.data["status"] for e in events if e.kind == "conversation.status"] == [
        "in_meeting",
        "reviewing",
        "agreed",
        "reviewing",
    ]
    with app.app_context():
        audit = db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.conversation_id == cid, AuditEvent.action.not_like("%.read"))
            .order_by(AuditEvent.id)
        ).all()
        assert [(a.action, a.detail.get("number")) for a in audit] == [
            ("agreement.approved", 1),
            ("agreement.changes_requested", 1),
            ("agreement.approved", 2),
            ("agreement.approved", 2),
            ("notes.removed_at_lock", None),
        ]
        assert all(a.at == FROZEN for a in audit)
        assert audit[1].actor_id == db.session.scalar(select(Person.id).where(Person.object_id == mgr.oid))


def test_approving_a_superseded_version_is_409(api, people, conversation):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    draft(api, people["manager"], cid)
    decide(api, people["manager"], cid, 1, "changes_requested", comment="Mere om trivsel")
    write_notes(api, people["manager"], cid, 5, "Trivsel: færre møder")
    assert draft(api, people["manager"], cid).status_code == 201
    response = decide(api, people["employee"], cid, 1, "approved")
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["code"] == "agreement_version_superseded"
    assert "2" in error["message"]
    versions = api.as_(people["employee"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"]
    assert [(v["number"], v["state"]) for v in versions] == [(2, "draft"), (1, "superseded")]
    assert versions[0]["decisions"] == []
    assert [d["party"] for d in versions[1]["decisions"]] == ["manager"]


def test_deciding_on_a_locked_version_is_409_and_changes_nothing(api, people, agreed, app):
    cid = agreed["id"]
    response = decide(api, people["employee"], cid, 1, "changes_requested", comment="Fortryder")
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "agreement_version_locked"
    version = api.as_(people["employee"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"][0]
    assert version["state"] == "agreed"
    assert {d["decision"] for d in version["decisions"]} == {"approved"}
    with app.app_context():
        actions = db.session.scalars(
            select(AuditEvent.action).where(
                AuditEvent.conversation_id == cid, AuditEvent.action.not_like("%.read")
            )
        ).all()
        assert actions == ["agreement.approved", "agreement.approved", "notes.removed_at_lock"]


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_changes_requested_without_a_comment_is_422(api, people, conversation, comment):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    draft(api, people["manager"], cid)
    extra = {} if comment is None else {"comment": comment}
    response = decide(api, people["employee"], cid, 1, "changes_requested", **extra)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "comment_required"
    assert error["field"] == "comment"
    version = api.as_(people["employee"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"][0]
    assert version["decisions"] == []


def test_unknown_decision_is_422_naming_the_field(api, people, conversation):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    draft(api, people["manager"], cid)
    response = decide(api, people["employee"], cid, 1, "maybe")
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "decision"


def test_redrafting_an_unchanged_agreed_version_is_409(api, people, agreed):
    cid = agreed["id"]
    response = draft(api, people["employee"], cid)
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "agreement_unchanged"
    assert status_of(api, people, cid) == "agreed"
    listing = api.as_(people["manager"]).get(f"/api/conversations/{cid}/agreement").get_json()
    assert [v["number"] for v in listing["items"]] == [1]


def test_a_new_follow_up_reopens_an_agreed_conversation(api, people, agreed):
    cid = agreed["id"]
    added = api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "Opfølgning", "due_on": "2030-06-01"}
    )
    assert added.status_code == 201
    response = draft(api, people["manager"], cid)
    assert response.status_code == 201
    assert response.get_json()["snapshot"]["follow_ups"] == [{"title": "Opfølgning", "due_on": "2030-06-01"}]
    assert status_of(api, people, cid) == "reviewing"


@pytest.mark.parametrize("status", ["planned", "preparing"])
def test_drafting_before_the_meeting_is_409(api, people, conversation, status):
    cid = conversation["id"]
    if status == "preparing":
        api.as_(people["manager"]).post(
            f"/api/conversations/{cid}/transition", json={"status": "preparing", "version": 1}
        )
    response = draft(api, people["manager"], cid)
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "agreement_not_ready"
    assert api.as_(people["manager"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"] == []
    assert status_of(api, people, cid) == status


def test_draft_in_reviewing_keeps_status_and_drafting_is_idempotent(api, people, conversation):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    mgr = api.as_(people["manager"])
    first = mgr.post(f"/api/conversations/{cid}/agreement", headers={"Idempotency-Key": "draft-1"})
    again = mgr.post(f"/api/conversations/{cid}/agreement", headers={"Idempotency-Key": "draft-1"})
    assert first.status_code == again.status_code == 201
    assert first.get_json() == again.get_json()
    assert [v["number"] for v in mgr.get(f"/api/conversations/{cid}/agreement").get_json()["items"]] == [1]
    second = draft(api, people["employee"], cid)
    assert second.get_json()["number"] == 2
    assert status_of(api, people, cid) == "reviewing"


def test_snapshot_holds_goals_actions_and_follow_ups(api, people, conversation, app):
    cid = conversation["id"]
    with app.app_context():
        employee = db.session.scalar(select(Person).where(Person.object_id == people["employee"].oid))
        manager = db.session.scalar(select(Person).where(Person.object_id == people["manager"].oid))
        goal = Goal(
            tenant_id=employee.tenant_id,
            conversation_id=cid,
            employee_id=employee.id,
            manager_id=manager.id,
            title="Bestå AZ-204",
            specific="Bestå Microsoft-certificeringen AZ-204",
            measure="Bestået eksamen",
            achievable="Fem studiedage",
            relevance="Vi flytter til Azure",
            deadline=date(2030, 9, 1),
            status="active",
            created_by_id=manager.id,
        )
        db.session.add(goal)
        db.session.flush()
        db.session.add(
            DevelopmentAction(
                conversation_id=cid,
                goal_id=goal.id,
                kind="course",
                title="Kursus i Azure",
                owner_id=employee.id,
                resources="12.000 kr.",
                due_date=date(2030, 6, 1),
            )
        )
        db.session.commit()
        goal_id = goal.id
    api.as_(people["employee"]).post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "Check-in om kurset", "due_on": "2030-05-01"}
    )
    start_meeting(api, people, conversation)
    snapshot = draft(api, people["manager"], cid).get_json()["snapshot"]
    assert snapshot["goals"] == [
        {
            "id": goal_id,
            "title": "Bestå AZ-204",
            "specific": "Bestå Microsoft-certificeringen AZ-204",
            "measure": "Bestået eksamen",
            "achievable": "Fem studiedage",
            "relevance": "Vi flytter til Azure",
            "deadline": "2030-09-01",
            "status": "active",
        }
    ]
    assert snapshot["development_actions"] == [
        {
            "kind": "course",
            "title": "Kursus i Azure",
            "owner_role": "employee",
            "resources": "12.000 kr.",
            "due_date": "2030-06-01",
            "status": "planned",
            "goal_id": goal_id,
        }
    ]
    assert snapshot["follow_ups"] == [{"title": "Check-in om kurset", "due_on": "2030-05-01"}]
    assert [a["section_key"] for a in snapshot["agenda"]][:2] == ["work_situation", "expectations_goals"]
    assert snapshot["agenda"][1]["title"]["da"] == "Forventninger og mål"


def test_approval_waits_for_a_new_draft_after_going_back_to_the_meeting(api, people, conversation):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    assert decide(api, people["employee"], cid, 1, "approved").status_code == 200
    current = api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
    back = api.as_(people["manager"]).post(
        f"/api/conversations/{cid}/transition", json={"status": "in_meeting", "version": current["version"]}
    )
    assert back.status_code == 200
    refused = decide(api, people["manager"], cid, 1, "approved")
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "agreement_not_ready"
    assert status_of(api, people, cid) == "in_meeting"
    assert draft(api, people["manager"], cid).get_json()["number"] == 2
    assert decide(api, people["employee"], cid, 2, "approved").status_code == 200
    assert decide(api, people["manager"], cid, 2, "approved").status_code == 200
    assert status_of(api, people, cid) == "agreed"


def test_unknown_version_is_404(api, people, conversation):
    start_meeting(api, people, conversation)
    draft(api, people["manager"], conversation["id"])
    assert decide(api, people["employee"], conversation["id"], 7, "approved").status_code == 404


# --- Follow-ups --------------------------------------------------------------------------------


def test_follow_ups_add_list_delete(api, people, conversation, events):
    cid = conversation["id"]
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    later = emp.post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "Status på mål", "due_on": "2030-09-01"}
    )
    sooner = mgr.post(
        f"/api/conversations/{cid}/follow-ups", json={"title": "Kort check-in", "due_on": "2030-05-01"}
    )
    assert later.status_code == sooner.status_code == 201
    items = mgr.get(f"/api/conversations/{cid}/follow-ups").get_json()["items"]
    assert [(f["title"], f["due_on"]) for f in items] == [
        ("Kort check-in", "2030-05-01"),
        ("Status på mål", "2030-09-01"),
    ]
    gone = emp.delete(f"/api/conversations/{cid}/follow-ups/{sooner.get_json()['id']}")
    assert gone.status_code == 204
    assert gone.get_data() == b""
    assert [f["title"] for f in emp.get(f"/api/conversations/{cid}/follow-ups").get_json()["items"]] == [
        "Status på mål"
    ]
    assert emp.delete(f"/api/conversations/{cid}/follow-ups/{sooner.get_json()['id']}").status_code == 404
    assert [e.kind for e in events if e.kind.startswith("follow_up")] == [
        "follow_up.added",
        "follow_up.added",
        "follow_up.removed",
    ]


def test_follow_up_needs_title_and_date_and_is_idempotent(api, people, conversation):
    cid = conversation["id"]
    emp = api.as_(people["employee"])
    missing = emp.post(f"/api/conversations/{cid}/follow-ups", json={"title": "Uden dato"})
    assert missing.status_code == 422
    assert missing.get_json()["error"]["field"] == "due_on"
    body = {"title": "Opfølgning", "due_on": "2030-05-01"}
    first = emp.post(f"/api/conversations/{cid}/follow-ups", json=body, headers={"Idempotency-Key": "fu-1"})
    again = emp.post(f"/api/conversations/{cid}/follow-ups", json=body, headers={"Idempotency-Key": "fu-1"})
    assert first.get_json()["id"] == again.get_json()["id"]
    assert len(emp.get(f"/api/conversations/{cid}/follow-ups").get_json()["items"]) == 1


def test_follow_up_of_another_conversation_is_404(api, people, conversation):
    mgr = api.as_(people["manager"])
    other = mgr.post(
        "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
    ).get_json()
    follow_up = mgr.post(
        f"/api/conversations/{other['id']}/follow-ups", json={"title": "x", "due_on": "2030-05-01"}
    ).get_json()
    response = mgr.delete(f"/api/conversations/{conversation['id']}/follow-ups/{follow_up['id']}")
    assert response.status_code == 404
    assert len(mgr.get(f"/api/conversations/{other['id']}/follow-ups").get_json()["items"]) == 1


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_parties_reach_the_agreement_and_follow_ups(api, people, conversation, who, status):
    cid = conversation["id"]
    start_meeting(api, people, conversation)
    draft(api, people["manager"], cid)
    follow_up = (
        api.as_(people["manager"])
        .post(f"/api/conversations/{cid}/follow-ups", json={"title": "x", "due_on": "2030-05-01"})
        .get_json()
    )
    client = api.as_(people[who])
    calls = [
        client.get(f"/api/conversations/{cid}/agreement"),
        client.post(f"/api/conversations/{cid}/agreement"),
        client.post(f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"}),
        client.get(f"/api/conversations/{cid}/follow-ups"),
        client.post(f"/api/conversations/{cid}/follow-ups", json={"title": "y", "due_on": "2030-05-02"}),
        client.delete(f"/api/conversations/{cid}/follow-ups/{follow_up['id']}"),
    ]
    assert [c.status_code for c in calls] == [status] * len(calls)
    listing = api.as_(people["manager"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"]
    assert [(v["number"], v["decisions"]) for v in listing] == [(1, [])]
    assert (
        len(api.as_(people["manager"]).get(f"/api/conversations/{cid}/follow-ups").get_json()["items"]) == 1
    )


def test_agreement_needs_a_token(api, conversation):
    assert api.get(f"/api/conversations/{conversation['id']}/agreement").status_code == 401
