"""Erasure by the stated policy (`plugin.domain.erasure`): after it, nothing of the person remains
outside the policy; only the agreement both approved stays, pseudonymised, until the retention run
deletes it when due. Every row of every table is read through the models (content columns may be
sealed at rest) and searched for canary text and the person's name, e-mail and object id."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import event, select

from plugin.services import retention
from plugin.storage import AgreementVersion, AuditEvent, Conversation, Person, PreparationItem
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work

CANARY = "KANARIE-7f3a"


def ok(response, status=201) -> dict:
    assert response.status_code == status, response.get_json()
    return response.get_json()


def write_notes(client, cid: int, index: int, notes: str) -> None:
    item = client.get(f"/api/conversations/{cid}").get_json()["agenda"][index]
    ok(
        client.patch(
            f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": item["version"], "notes": notes}
        ),
        200,
    )


def plan(api, people, key=None) -> dict:
    headers = {"Idempotency-Key": key} if key else None
    return ok(
        api.as_(people["manager"]).post(
            "/api/conversations",
            json={"employee": {"object_id": people["employee"].oid}},
            headers=headers,
        )
    )


def fill(api, people, cid: int, tag: str) -> None:
    """Content of every kind, the employee's marked with the canary."""
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    ok(emp.post(f"/api/conversations/{cid}/preparation", json={"text": f"{CANARY} {tag} private prep"}))
    ok(mgr.post(f"/api/conversations/{cid}/preparation", json={"text": f"manager's own prep {tag}"}))
    ok(
        emp.post(
            f"/api/conversations/{cid}/wellbeing",
            json={"score": 2, "comment": f"{CANARY} {tag} wellbeing", "shared": False},
        )
    )
    write_notes(emp, cid, 6, f"{CANARY} {tag} shared notes")
    ok(emp.post(f"/api/conversations/{cid}/goals", json={"title": f"{CANARY} {tag} goal"}))
    ok(
        emp.post(
            f"/api/conversations/{cid}/feedback",
            json={"kind": "improvement", "text": f"{CANARY} {tag} feedback"},
            headers={"Idempotency-Key": f"fb-{tag}"},
        )
    )


def agree(api, people, conversation: dict) -> None:
    cid = conversation["id"]
    mgr, emp = api.as_(people["manager"]), api.as_(people["employee"])
    current = ok(mgr.get(f"/api/conversations/{cid}"), 200)
    ok(
        mgr.post(
            f"/api/conversations/{cid}/transition",
            json={"status": "in_meeting", "version": current["version"]},
        ),
        200,
    )
    ok(mgr.post(f"/api/conversations/{cid}/agreement"))
    ok(emp.post(f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"}), 200)
    ok(mgr.post(f"/api/conversations/{cid}/agreement/1/decision", json={"decision": "approved"}), 200)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "ignore")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def scan(app, needles: list[str]) -> set[tuple[str, object]]:
    """Every row of every table (through the models) that holds one of the needles."""
    hits = set()
    with app.app_context():
        db.session.expire_all()
        for mapper in db.Model.registry.mappers:
            model = mapper.class_
            for row in db.session.scalars(select(model)):
                values = " ".join(_text(getattr(row, attr.key)) for attr in mapper.column_attrs)
                if any(n in values for n in needles):
                    hits.add((model.__tablename__, mapper.primary_key_from_instance(row)[0]))
    return hits


@pytest.fixture
def erasable(api, people, conversation, app):
    """An agreed conversation and an unfinished one, both full of the employee's canaries."""
    fill(api, people, conversation["id"], "agreed")
    agree(api, people, conversation)
    unfinished = plan(api, people, key="plan-2")
    fill(api, people, unfinished["id"], "unfinished")
    with app.app_context():
        person = db.session.scalar(select(Person).where(Person.object_id == people["employee"].oid))
        identity = [n for n in (person.display_name, person.email, person.object_id) if n]
        locked = db.session.scalar(
            select(AgreementVersion).where(
                AgreementVersion.conversation_id == conversation["id"],
                AgreementVersion.locked_at.is_not(None),
            )
        )
        assert person.display_name == people["employee"].name
        return {
            "agreed": conversation["id"],
            "unfinished": unfinished["id"],
            "identity": identity,
            "locked_id": locked.id,
            "locked_at": locked.locked_at,
        }


def test_before_erasure_the_canaries_are_everywhere(app, erasable):
    tables = {table for table, _ in scan(app, [CANARY])}
    assert {"preparation_items", "wellbeing_pulses", "agenda_items", "goals", "feedback_entries"} <= tables
    assert "idempotency_records" in {table for table, _ in scan(app, erasable["identity"])}


def test_preview_says_what_goes_and_what_stays_until_when(api, people, erasable, app):
    body = ok(api.as_(people["employee"]).get("/api/me/erasure", headers={"Accept-Language": "en"}), 200)
    assert body["erased"] is False
    goes = {line["kind"]: line["count"] for line in body["goes_now"]}
    assert goes["preparation"] == 2 and goes["pulses"] == 2 and goes["unagreed_conversations"] == 1
    assert goes["personal_data"] == 1 and goes["goals"] == 1 and goes["feedback"] == 1
    assert all(line["text"] for line in body["goes_now"])
    [kept] = body["kept_until"]
    assert kept["conversation_id"] == erasable["agreed"]
    assert kept["until"] == (erasable["locked_at"] + timedelta(days=30)).date().isoformat()
    assert "Erased person" in kept["text"]
    danish = ok(api.as_(people["employee"]).get("/api/me/erasure", headers={"Accept-Language": "da"}), 200)
    assert "Slettet person" in danish["kept_until"][0]["text"]
    # The preview changes nothing.
    assert "preparation_items" in {table for table, _ in scan(app, [CANARY])}


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


def _more_agreed(app, people, erasable, n: int) -> list[int]:
    """`n` more agreed conversations of the pair, each with the employee's private preparation."""
    with app.app_context():
        source = db.session.get(Conversation, erasable["agreed"])
        made = []
        for number in range(n):
            copy = Conversation(
                tenant_id=source.tenant_id,
                kind=source.kind,
                status="agreed",
                employee_id=source.employee_id,
                manager_id=source.manager_id,
                created_by_id=source.manager_id,
                template_key=source.template_key,
                title=f"MUS {2019 + number}",
            )
            db.session.add(copy)
            db.session.flush()
            db.session.add(
                AgreementVersion(
                    conversation_id=copy.id,
                    number=1,
                    snapshot={},
                    created_by_id=source.manager_id,
                    locked_at=erasable["locked_at"],
                )
            )
            db.session.add(PreparationItem(conversation_id=copy.id, author_id=source.employee_id, text="x"))
            made.append(copy.id)
        db.session.commit()
        db.session.remove()
    return made


def test_preview_takes_the_same_statements_however_many_conversations(api, people, erasable, app):
    emp = api.as_(people["employee"])
    before = _statements(app, lambda: ok(emp.get("/api/me/erasure"), 200))
    made = _more_agreed(app, people, erasable, 4)
    after = _statements(app, lambda: ok(emp.get("/api/me/erasure"), 200))
    assert after == before  # not one more statement per conversation
    body = ok(emp.get("/api/me/erasure"), 200)
    assert [k["conversation_id"] for k in body["kept_until"]] == [erasable["agreed"], *made]
    goes = {line["kind"]: line["count"] for line in body["goes_now"]}
    assert goes["preparation"] == 2 + 4 and goes["unagreed_conversations"] == 1


def test_after_erasure_only_the_locked_agreement_remains_until_retention_deletes_it(
    api, people, erasable, app
):
    emp = api.as_(people["employee"])
    done = ok(emp.post("/api/me/erasure", json={"confirm": True}), 200)
    assert done["erased"] is False and done["erased_at"]

    # Nothing of theirs outside the policy: the canary only in the agreed version, the identity nowhere.
    assert scan(app, [CANARY]) == {("agreement_versions", erasable["locked_id"])}
    assert scan(app, erasable["identity"]) == set()
    with app.app_context():
        assert db.session.get(Conversation, erasable["unfinished"]) is None
        # The other party's own preparation in the agreed conversation is theirs and stays.
        assert db.session.scalars(
            select(PreparationItem.text).where(PreparationItem.conversation_id == erasable["agreed"])
        ).all() == ["manager's own prep agreed"]
        [entry] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure.done")).all()
        assert entry.detail["unagreed_conversations"] == 1
        assert CANARY not in json.dumps(entry.detail)

    # The other party sees "Erased person" instead of a crash.
    mgr = api.as_(people["manager"])
    shown = ok(mgr.get(f"/api/conversations/{erasable['agreed']}", headers={"Accept-Language": "en"}), 200)
    assert shown["employee"]["display_name"] == "Erased person" and shown["employee"]["email"] == ""
    agreement = ok(
        mgr.get(f"/api/conversations/{erasable['agreed']}/agreement", headers={"Accept-Language": "en"}), 200
    )
    [version] = agreement["items"]
    assert (
        version["locked_at"]
        and [d["person"]["display_name"] for d in version["decisions"]].count("Erased person") == 1
    )
    listed = ok(mgr.get("/api/conversations", headers={"Accept-Language": "da"}), 200)["items"]
    assert [c["employee"]["display_name"] for c in listed] == ["Slettet person"]
    assert ok(mgr.get(f"/api/conversations/{erasable['unfinished']}"), 404)

    # The retention run keeps the agreement until its retention period has passed, then deletes it.
    due = erasable["locked_at"] + timedelta(days=30)
    with time_machine.travel(due - timedelta(hours=1), tick=False), app.app_context():
        retention.do_purge(new_unit_of_work())
    assert scan(app, [CANARY]) == {("agreement_versions", erasable["locked_id"])}
    with time_machine.travel(due + timedelta(minutes=1), tick=False), app.app_context():
        report = retention.do_purge(new_unit_of_work())
    assert report.conversations_deleted == 1
    assert scan(app, [CANARY]) == set()
    with app.app_context():
        assert db.session.get(Conversation, erasable["agreed"]) is None
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "retention.erased_agreement_deleted" in actions


def test_erasure_is_idempotent(api, people, erasable, app):
    emp = api.as_(people["employee"])
    ok(emp.post("/api/me/erasure", json={"confirm": True}), 200)
    again = ok(emp.post("/api/me/erasure", json={"confirm": True}), 200)
    # The second request's sign-in made a fresh record from the token; only that goes, nothing else.
    assert [line["kind"] for line in again["goes_now"]] == ["personal_data"]
    assert again["kept_until"] == []
    assert scan(app, [CANARY]) == {("agreement_versions", erasable["locked_id"])}
    with app.app_context():
        erased = db.session.scalars(select(Person).where(Person.erased_at.is_not(None))).all()
    assert len(erased) == 2 and all(p.display_name == "" and p.email == "" for p in erased)


def test_erasure_needs_confirmation_and_touches_only_oneself(api, people, erasable, app):
    emp = api.as_(people["employee"])
    refused = ok(emp.post("/api/me/erasure", json={}), 422)
    assert refused["error"]["field"] == "confirm"
    assert ok(emp.post("/api/me/erasure", json={"confirm": False}), 422)["error"]["code"]
    with_target = emp.post("/api/me/erasure", json={"confirm": True, "person_id": 1})
    assert with_target.status_code == 422
    assert ok(api.post("/api/me/erasure", json={"confirm": True}), 401)["error"]["code"]
    before = scan(app, [CANARY])
    # Another person (same tenant, another tenant) erasing themselves leaves the employee's data alone.
    for key in ("colleague", "outsider"):
        ok(api.as_(people[key]).post("/api/me/erasure", json={"confirm": True}), 200)
    assert scan(app, [CANARY]) == before
    assert ok(emp.get("/api/me/erasure"), 200)["erased"] is False
    assert (
        ok(api.as_(people["manager"]).get(f"/api/conversations/{erasable['agreed']}"), 200)["employee"][
            "display_name"
        ]
        == people["employee"].name
    )


def test_an_erased_manager_is_pseudonymised_for_the_employee(api, people, erasable, app):
    ok(api.as_(people["manager"]).post("/api/me/erasure", json={"confirm": True}), 200)
    shown = ok(
        api.as_(people["employee"]).get(
            f"/api/conversations/{erasable['agreed']}", headers={"Accept-Language": "en"}
        ),
        200,
    )
    assert shown["manager"]["display_name"] == "Erased person"
    # The employee's own goals in the agreed conversation are theirs and stay.
    goals = ok(api.as_(people["employee"]).get(f"/api/conversations/{erasable['agreed']}/goals"), 200)
    assert [g["title"] for g in goals["items"]] == [f"{CANARY} agreed goal"]
    assert scan(app, [people["manager"].name]) == set()
