"""Data rights: the export (JSON and PDF) holds everything of the person and nothing of anyone else,
and the audit log shows who read, approved and exported what about them."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from plugin.storage import AuditEvent, Conversation
from plugin.storage.db import db
from tests.support.directory import person_oid
from tests.support.idp import TENANT_B
from tests.support.statements import recorded

EMP_PREP = "Min egen forberedelse: løn og ønsker EMP-PREP-7f3a"
EMP_PULSE = "Privat trivsel: træt i perioden EMP-PULSE-51c2"
MGR_PREP = "CANARY-MGR-PREP-0a9e lederens private forberedelse"
MGR_PULSE = "CANARY-MGR-PULSE-88b1 lederens private trivsel"
MGR_SHARED_PULSE = "Delt trivsel fra lederen MGR-SHARED-31d0"
GOAL = "Lære Python: færdig før jul æøå GOAL-4b7c"
PROGRESS = "Halvvejs gennem kurset PROGRESS-2e6f"
ACTION = "Kursus i Python ACTION-9d1e"
NOTE = "Fælles note om kurset NOTE-c0de"
POINT = "Talepunkt om arbejdsglæde POINT-5e5e"
SUMMARY = "Aftalt: kursus i Q2 SUMMARY-a11e"
FEEDBACK_GIVEN = "Tak for god ledelse FEEDBACK-EMP-1a1a"
FEEDBACK_RECEIVED = "Flot arbejde med releasen FEEDBACK-MGR-2b2b"
FOLLOW_UP = "Opfølgning på kurset FOLLOWUP-3c3c"
APPROVAL_COMMENT = "Godkendt med glæde APPROVAL-4d4d"
OTHER_PAIR = "CANARY-OTHER-PAIR-6f6f"
SAME_MANAGER = "CANARY-SAME-MANAGER-7a7a"
OTHER_TENANT = "CANARY-OTHER-TENANT-8b8b"
CANARIES = (MGR_PREP, MGR_PULSE, OTHER_PAIR, SAME_MANAGER, OTHER_TENANT)


def ok(response, status=(200, 201)):
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, (response.status_code, response.get_json(silent=True))
    return response.get_json(silent=True)


def plan(api, planner, employee_oid: str, manager_oid: str | None = None) -> dict:
    body = {"employee": {"object_id": employee_oid}}
    if manager_oid is not None:  # the employee confirms a manager the directory doesn't show
        body |= {"manager": {"object_id": manager_oid}, "confirm_relationship": True}
    return ok(api.as_(planner).post("/api/conversations", json=body))


def add_goal(api, person, cid: int, title: str) -> dict:
    return ok(
        api.as_(person).post(
            f"/api/conversations/{cid}/goals",
            json={"title": title, "specific": f"Specifikt for {title}", "measure": "Et bevis"},
        )
    )


def note(api, person, cid: int, index: int, text: str) -> None:
    item = api.as_(person).get(f"/api/conversations/{cid}").get_json()["agenda"][index]
    ok(
        api.as_(person).patch(
            f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": item["version"], "notes": text}
        )
    )


@pytest.fixture
def seeded(api, people, conversation):
    """One MUS between the manager and the employee with every kind of content, agreed by both;
    another pair in the same tenant, the manager with a colleague, and a pair in another tenant."""
    emp, mgr = people["employee"], people["manager"]
    cid = conversation["id"]
    base = f"/api/conversations/{cid}"
    for person in (emp, mgr):
        for kind in ("confidentiality", "keep_shared_notes"):
            ok(api.as_(person).put(f"{base}/consent", json={"kind": kind, "value": True}))
    ok(api.as_(emp).post(f"{base}/preparation", json={"text": EMP_PREP}))
    ok(api.as_(mgr).post(f"{base}/preparation", json={"text": MGR_PREP}))
    item0 = api.as_(emp).get(base).get_json()["agenda"][0]
    ok(api.as_(emp).post(f"{base}/agenda/{item0['id']}/talking-points", json={"text": POINT}))
    note(api, emp, cid, 6, NOTE)
    goal = add_goal(api, mgr, cid, GOAL)
    ok(api.as_(emp).post(f"/api/goals/{goal['id']}/progress", json={"percent": 50, "note": PROGRESS}))
    ok(api.as_(mgr).post(f"{base}/actions", json={"kind": "course", "title": ACTION, "goal_id": goal["id"]}))
    ok(api.as_(emp).post(f"{base}/feedback", json={"kind": "recognition", "text": FEEDBACK_GIVEN}))
    ok(api.as_(mgr).post(f"{base}/feedback", json={"kind": "recognition", "text": FEEDBACK_RECEIVED}))
    ok(api.as_(emp).post(f"{base}/wellbeing", json={"score": 3, "comment": EMP_PULSE}))
    ok(api.as_(mgr).post(f"{base}/wellbeing", json={"score": 2, "comment": MGR_PULSE}))
    ok(api.as_(mgr).post(f"{base}/wellbeing", json={"score": 4, "shared": True, "comment": MGR_SHARED_PULSE}))
    ok(api.as_(mgr).post(f"{base}/follow-ups", json={"title": FOLLOW_UP, "due_on": "2031-05-01"}))
    current = api.as_(mgr).get(base).get_json()
    ok(api.as_(mgr).post(f"{base}/transition", json={"status": "in_meeting", "version": current["version"]}))
    ok(api.as_(mgr).post(f"{base}/agreement"))
    summary = api.as_(emp).get(f"{base}/agreement/summaries").get_json()["items"][6]
    number = ok(
        api.as_(emp).put(
            f"{base}/agreement/summaries/{summary['item_id']}",
            json={"version": summary["version"], "base": summary["text"], "text": SUMMARY},
        )
    )["agreement_number"]
    decision = f"{base}/agreement/{number}/decision"
    ok(api.as_(emp).post(decision, json={"decision": "approved", "comment": APPROVAL_COMMENT}))
    ok(api.as_(mgr).post(decision, json={"decision": "approved"}))
    assert api.as_(emp).get(base).get_json()["status"] == "agreed"
    # The manager reads the conversation and the agreement: both are logged.
    ok(api.as_(mgr).get(base))
    ok(api.as_(mgr).get(f"{base}/agreement"))

    # Another pair in the same tenant: the HR admin leads the colleague.
    other = plan(api, people["colleague"], people["colleague"].oid, people["admin"].oid)
    add_goal(api, people["admin"], other["id"], OTHER_PAIR)
    ok(
        api.as_(people["colleague"]).post(
            f"/api/conversations/{other['id']}/preparation", json={"text": OTHER_PAIR}
        )
    )
    # The same manager with the colleague.
    same = plan(api, mgr, people["colleague"].oid)
    add_goal(api, mgr, same["id"], SAME_MANAGER)
    ok(
        api.as_(mgr).post(
            f"/api/conversations/{same['id']}/feedback", json={"kind": "recognition", "text": SAME_MANAGER}
        )
    )
    # Another tenant.
    foreign = plan(api, people["outsider"], person_oid(TENANT_B, "outsider_report"))
    assert people["outsider"].tenant == TENANT_B
    add_goal(api, people["outsider"], foreign["id"], OTHER_TENANT)
    return {"cid": cid, "goal": goal, "same": same["id"]}


def export_json(api, person, language="en") -> tuple[dict, object]:
    response = api.as_(person).get("/api/me/export", headers={"X-Teams-Locale": language})
    data = ok(response, 200)
    return data, response


def test_export_holds_everything_of_the_employee_and_nothing_else(api, people, seeded):
    data, response = export_json(api, people["employee"])
    assert response.mimetype == "application/json"
    disposition = response.headers["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="mus-my-data-\d{4}-\d{2}-\d{2}\.json"', disposition)
    assert data["person"]["object_id"] == people["employee"].oid
    assert data["person"]["display_name"] == people["employee"].name
    [conversation] = data["conversations"]
    assert conversation["id"] == seeded["cid"]
    assert conversation["my_role"] == "employee"
    assert conversation["manager"] == people["manager"].name

    agenda = conversation["agenda"]
    assert POINT in [p["text"] for p in agenda[0]["talking_points"]]
    assert agenda[6]["shared_notes"] == NOTE
    assert agenda[6]["summary"] == SUMMARY
    [goal] = conversation["goals"]
    assert goal["title"] == GOAL
    assert [p["note"] for p in goal["progress"]] == [PROGRESS]
    assert [a["title"] for a in conversation["development_actions"]] == [ACTION]
    feedback = {(f["text"], f["given_by_me"]) for f in conversation["feedback"]}
    assert feedback == {(FEEDBACK_GIVEN, True), (FEEDBACK_RECEIVED, False)}
    pulses = {(p["comment"], p["mine"]) for p in conversation["wellbeing"]}
    assert pulses == {(EMP_PULSE, True), (MGR_SHARED_PULSE, False)}
    assert [p["text"] for p in conversation["my_preparation"]] == [EMP_PREP]
    version = conversation["agreement_versions"][-1]
    assert version["locked_at"] is not None
    assert {(a["party"], a["decision"]) for a in version["approvals"]} == {
        ("employee", "approved"),
        ("manager", "approved"),
    }
    assert APPROVAL_COMMENT in [a["comment"] for a in version["approvals"]]
    assert version["content"]["goals"][0]["title"] == GOAL
    assert [f["title"] for f in conversation["follow_ups"]] == [FOLLOW_UP]
    assert {(c["kind"], c["value"]) for c in conversation["my_consents"]} == {
        ("confidentiality", True),
        ("keep_shared_notes", True),
    }
    actions = [e["action"] for e in data["audit_events"]]
    assert "data.exported" in actions
    assert "agreement.approved" in actions
    assert "conversation.read" in actions  # the manager's read

    text = json.dumps(data, ensure_ascii=False)
    for canary in CANARIES:
        assert canary not in text
    assert people["outsider"].name not in text
    assert people["colleague"].name not in text


def test_managers_export_holds_their_conversations_but_not_the_employees_private_content(api, people, seeded):
    data, _ = export_json(api, people["manager"])
    ids = {c["id"] for c in data["conversations"]}
    assert ids == {seeded["cid"], seeded["same"]}
    mine = next(c for c in data["conversations"] if c["id"] == seeded["cid"])
    assert mine["my_role"] == "manager"
    assert [p["text"] for p in mine["my_preparation"]] == [MGR_PREP]
    assert {p["comment"] for p in mine["wellbeing"]} == {MGR_PULSE, MGR_SHARED_PULSE}
    text = json.dumps(data, ensure_ascii=False)
    for private in (EMP_PREP, EMP_PULSE, OTHER_PAIR, OTHER_TENANT):
        assert private not in text
    assert SAME_MANAGER in text  # the manager's own other conversation


def test_outsiders_export_has_none_of_the_tenant(api, people, seeded):
    data, _ = export_json(api, people["outsider"])
    text = json.dumps(data, ensure_ascii=False)
    assert OTHER_TENANT in text
    for secret in (
        EMP_PREP,
        GOAL,
        NOTE,
        SUMMARY,
        MGR_PREP,
        OTHER_PAIR,
        SAME_MANAGER,
        people["employee"].name,
    ):
        assert secret not in text


def test_export_needs_a_token(api):
    assert api.as_(None).get("/api/me/export").status_code == 401
    assert api.client.get("/api/me/export.pdf").status_code == 401
    assert api.as_(None).get("/api/me/audit").status_code == 401


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text, read with pypdf (a Python library in the test dependencies, so no system tool
    is needed)."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_of(api, person, language: str):
    response = api.client.get(
        "/api/me/export.pdf",
        headers={"Authorization": f"Bearer {person.token}", "X-Teams-Locale": language},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="mus-my-data-\d{4}-\d{2}-\d{2}\.pdf"', response.headers["Content-Disposition"]
    )
    assert response.data.startswith(b"%PDF-")
    assert response.data.rstrip().endswith(b"%%EOF")
    return response.data


def squash(text: str) -> str:
    """The text breaks lines where the layout did: compare without the breaks."""
    return re.sub(r"\s+", " ", text)


def test_pdf_in_danish_is_readable_with_danish_letters(api, people, seeded, tmp_path):
    text = squash(pdf_text(pdf_of(api, people["employee"], "da-DK"), tmp_path))
    assert "Mine data fra MUS" in text
    assert "Din private forberedelse" in text
    assert "Fælles noter" in text
    assert "Opfølgninger" in text
    assert GOAL in text
    assert EMP_PREP in text
    assert NOTE in text and SUMMARY in text and FEEDBACK_RECEIVED in text
    assert people["employee"].name in text
    assert "Side 1" in text
    for canary in CANARIES:
        assert canary not in text


def test_pdf_in_english(api, people, seeded, tmp_path):
    text = squash(pdf_text(pdf_of(api, people["employee"], "en-GB"), tmp_path))
    assert "My data from MUS" in text
    assert "Your private preparation" in text
    assert GOAL in text
    assert MGR_PREP not in text


def audit_page(api, person, language="en", **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return ok(api.as_(person).get(f"/api/me/audit?{query}", headers={"X-Teams-Locale": language}), 200)


def test_audit_log_shows_the_other_partys_reads_approvals_and_exports(api, people, seeded):
    export_json(api, people["manager"])
    page = audit_page(api, people["employee"])
    by_action = {}
    for item in page["items"]:
        by_action.setdefault(item["action"], []).append(item)
    manager = people["manager"].name
    reads = by_action["conversation.read"]
    assert {r["actor_name"] for r in reads} == {manager}
    assert any(manager in r["description"] and "read the conversation" in r["description"] for r in reads)
    assert by_action["agreement.read"][0]["actor_name"] == manager
    approvals = by_action["agreement.approved"]
    assert {a["by_me"] for a in approvals} == {True, False}
    assert any(a["description"].startswith("You approved version ") for a in approvals)
    [exported] = by_action["conversation.exported"]
    assert exported["actor_name"] == manager and exported["conversation_id"] == seeded["cid"]
    # Newest first.
    ids = [item["id"] for item in page["items"]]
    assert ids == sorted(ids, reverse=True)
    # Nothing of the manager's other conversation, nor the employee's own reads.
    assert seeded["same"] not in {item["conversation_id"] for item in page["items"]}
    assert not any(i["by_me"] and i["action"].endswith(".read") for i in page["items"])


def test_export_is_in_the_audit_log_in_danish(api, people, seeded):
    export_json(api, people["employee"])
    page = audit_page(api, people["employee"], language="da-DK")
    newest = page["items"][0]
    assert newest["action"] == "data.exported" and newest["by_me"]
    assert newest["description"] == "Du hentede en kopi af dine data (JSON)"


def test_reads_are_logged_once_an_hour(api, people, seeded, app):
    base = f"/api/conversations/{seeded['cid']}"
    later = datetime.now(UTC) + timedelta(hours=2)
    app.extensions["mus.clock"] = lambda: later
    for _ in range(3):
        ok(api.as_(people["manager"]).get(base), 200)
    reads = [i for i in audit_page(api, people["employee"])["items"] if i["action"] == "conversation.read"]
    assert len(reads) == 2  # the one from the fixture and one for this hour


def test_a_read_logged_this_hour_is_remembered_until_the_hour_is_over(api, people, seeded, app):
    base = f"/api/conversations/{seeded['cid']}"
    manager = api.as_(people["manager"])

    def reads() -> int:
        items = audit_page(api, people["employee"])["items"]
        return len([i for i in items if i["action"] == "conversation.read"])

    ok(manager.get(base), 200)  # the fixture's read of this hour is found (and remembered)
    logged = reads()
    with recorded(app) as statements:
        ok(manager.get(base), 200)
    assert statements and not any("audit_events" in s for s in statements)
    assert reads() == logged
    later = datetime.now(UTC) + timedelta(hours=2)  # past the remembered hour: logged again, once
    app.extensions["mus.clock"] = lambda: later
    for _ in range(3):
        ok(manager.get(base), 200)
    assert reads() == logged + 1


def test_audit_log_is_paged(api, people, seeded):
    first = audit_page(api, people["employee"], limit=2)
    assert len(first["items"]) == 2 and first["next_before"] is not None
    second = audit_page(api, people["employee"], limit=2, before=first["next_before"])
    assert second["items"] and max(i["id"] for i in second["items"]) < min(i["id"] for i in first["items"])


@pytest.mark.parametrize("query", ["before=0", "before=99999999999999", "limit=0", "limit=101", "limit=x"])
def test_bad_paging_is_422(api, people, query):
    response = api.as_(people["employee"]).get(f"/api/me/audit?{query}")
    assert response.status_code == 422


def test_nobody_reads_someone_elses_audit_log(api, people, seeded):
    """The log is always the signed-in person's own: an outsider or colleague sees nothing of the pair."""
    for who in ("colleague", "outsider", "admin"):
        items = audit_page(api, people[who])["items"]
        assert seeded["cid"] not in {i["conversation_id"] for i in items}
        assert people["employee"].name not in json.dumps(items, ensure_ascii=False)


def test_an_action_without_a_text_and_the_system_are_described(api, people, seeded, app):
    with app.app_context():
        tenant = db.session.get(Conversation, seeded["cid"])
        db.session.add(
            AuditEvent(
                tenant_id=tenant.tenant_id,
                actor_id=None,
                action="something.new",
                conversation_id=seeded["cid"],
                detail={},
                at=datetime.now(UTC),
            )
        )
        db.session.commit()
    [newest] = audit_page(api, people["employee"], limit=1)["items"]
    assert newest["action"] == "something.new"
    assert newest["actor_name"] is None and not newest["by_me"]
    assert newest["description"] == "The system: something.new"
