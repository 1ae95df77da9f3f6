"""The agreement as a PDF: the same content as the screen, in Danish and English, both approvals with
names and times in the reader's time zone, a draft clearly marked, only for the two parties, audited.

The PDF's text is read back with pypdf (a maintained PDF library, in the test dependencies)."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from plugin.i18n import format_date, format_datetime
from plugin.storage import AuditEvent, Person
from plugin.storage.db import db
from tests import test_handover as handover
from tests.test_agreements_api import decide, draft, start_meeting, write_summary

APPROVED_EMPLOYEE = datetime(2030, 3, 4, 9, 30, tzinfo=UTC)
APPROVED_MANAGER = datetime(2030, 3, 4, 14, 5, tzinfo=UTC)

GOALS = [
    {
        "title": "Lede et projekt fra start til slut",
        "specific": "Projektleder på kundeportalen",
        "measure": "Portalen i drift med under fem fejl om ugen",
        "achievable": "Mentor fra PMO og to timer om ugen",
        "relevance": "Afdelingen mangler projektledere",
        "deadline": "2030-09-30",
        "status": "active",
    },
    {
        "title": "Blive bedre til Python",
        "specific": "Gennemføre et kursus i Python",
        "measure": "Tre scripts i drift",
        "achievable": "",
        "relevance": "Automatisering af rapporter",
        "deadline": None,
        "status": "draft",
    },
]
FOLLOW_UPS = [("Første opfølgning", "2030-05-15"), ("Status på kurset", "2030-08-20")]


def pdf_text(data: bytes) -> str:
    """The PDF's text, with line breaks and repeated spaces folded (pypdf breaks lines where the
    layout did)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def fetch(api, person, cid: int, number: int, *, query: str = "", language: str = "da-DK"):
    return api.as_(person).get(
        f"/api/conversations/{cid}/agreement/{number}.pdf{query}", headers={"X-Teams-Locale": language}
    )


def fill(api, people, conversation) -> None:
    """Goals with every SMART field, a development action, follow-up dates, a summary and a talking
    point: everything an agreement holds."""
    cid = conversation["id"]
    manager = api.as_(people["manager"])
    goal_ids = []
    for goal in GOALS:
        response = manager.post(f"/api/conversations/{cid}/goals", json=goal)
        assert response.status_code == 201, response.get_json()
        goal_ids.append(response.get_json()["id"])
    action = {
        "kind": "course",
        "title": "Kursus i projektledelse",
        "goal_id": goal_ids[0],
        "resources": "Budget 12.000 kr.",
        "due_date": "2030-06-01",
    }
    assert manager.post(f"/api/conversations/{cid}/actions", json=action).status_code == 201
    for title, due_on in FOLLOW_UPS:
        body = {"title": title, "due_on": due_on}
        assert manager.post(f"/api/conversations/{cid}/follow-ups", json=body).status_code == 201
    item = manager.get(f"/api/conversations/{cid}").get_json()["agenda"][0]
    point = {"text": "Hjemmearbejde om fredagen"}
    response = api.as_(people["employee"]).post(
        f"/api/conversations/{cid}/agenda/{item['id']}/talking-points", json=point
    )
    assert response.status_code == 201, response.get_json()


@pytest.fixture
def agreed(app, api, people, conversation):
    """Version 2 approved by both (with a comment and a recorded disagreement); version 1 replaced."""
    cid = conversation["id"]
    fill(api, people, conversation)
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    write_summary(api, people["manager"], cid, 0, "Vi talte om trivsel og arbejdsform")
    clock = app.extensions["mus.clock"]
    app.extensions["mus.clock"] = lambda: APPROVED_EMPLOYEE
    response = decide(api, people["employee"], cid, 2, "approved", comment="Godt møde", disagreement=True)
    assert response.status_code == 200, response.get_json()
    app.extensions["mus.clock"] = lambda: APPROVED_MANAGER
    assert decide(api, people["manager"], cid, 2, "approved").status_code == 200
    app.extensions["mus.clock"] = clock
    return conversation


def screen_of(api, person, cid: int, number: int) -> dict:
    """The version as the screen reads it (the agreement API)."""
    items = api.as_(person).get(f"/api/conversations/{cid}/agreement").get_json()["items"]
    return next(item for item in items if item["number"] == number)


def check_content(text: str, version: dict, language: str) -> None:
    snapshot = version["snapshot"]
    assert snapshot["goals"] and snapshot["follow_ups"]  # there is something to find
    for goal in snapshot["goals"]:
        for field in ("title", "specific", "measure", "relevance"):
            if goal[field]:
                assert goal[field] in text, field
        if goal["deadline"]:
            assert format_date(date.fromisoformat(goal["deadline"]), language, "medium") in text
    for action in snapshot["development_actions"]:
        assert action["title"] in text and action["resources"] in text
    for follow_up in snapshot["follow_ups"]:
        assert follow_up["title"] in text
        assert format_date(date.fromisoformat(follow_up["due_on"]), language, "medium") in text
    for item in snapshot["agenda"]:
        if item["summary"]:
            assert item["summary"] in text
        for point in item["talking_points"]:
            assert point in text


def test_the_agreed_version_in_danish_holds_what_the_screen_shows(api, people, agreed):
    cid = agreed["id"]
    response = fetch(api, people["employee"], cid, 2)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == f'attachment; filename="mus-aftale-{cid}-version-2.pdf"'
    text = pdf_text(response.data)
    check_content(text, screen_of(api, people["employee"], cid, 2), "da")
    # Both approvals, with names and times in Danish time (summer or winter time by Babel).
    for name, role, at in (
        ("Jonas Nielsen", "medarbejder", APPROVED_EMPLOYEE),
        ("Mette Sørensen", "leder", APPROVED_MANAGER),
    ):
        when = format_datetime(at, "da", "medium", tz="Europe/Copenhagen")
        assert f"{name} ({role}) godkendte {when}" in text
    assert "10.30.00" in format_datetime(APPROVED_EMPLOYEE, "da", "medium", tz="Europe/Copenhagen")
    assert "Kommentar: Godt møde" in text
    assert "Har noteret uenighed med indholdet." in text
    assert "Medarbejder: Jonas Nielsen" in text and "Leder: Mette Sørensen" in text
    assert "Godkendt af begge og låst" in text
    assert "UDKAST" not in text
    assert re.search(r"Side 1 af \d+", text)
    assert "Blive bedre til Python (Udkast)" in text and "Ikke udfyldt" in text and "Ingen frist" in text


def test_the_agreed_version_in_english_in_another_time_zone(api, people, agreed):
    cid = agreed["id"]
    response = fetch(api, people["manager"], cid, 2, query="?tz=America/New_York", language="da-DK")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert "Side 1 af" in text  # the reader's language by default
    response = fetch(api, people["manager"], cid, 2, query="?lang=en&tz=America/New_York")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="mus-agreement-{cid}-version-2.pdf"'
    )
    text = pdf_text(response.data)
    check_content(text, screen_of(api, people["manager"], cid, 2), "en")
    for name, role, at in (
        ("Jonas Nielsen", "employee", APPROVED_EMPLOYEE),
        ("Mette Sørensen", "manager", APPROVED_MANAGER),
    ):
        when = format_datetime(at, "en", "medium", tz="America/New_York")
        assert f"{name} ({role}) approved {when}" in text
    assert "04:30:00" in format_datetime(APPROVED_EMPLOYEE, "en", "medium", tz="America/New_York")
    assert "Comment: Godt møde" in text
    assert "Recorded a disagreement with the content." in text
    assert "Measurable: how we see it succeed" in text
    assert "No deadline" in text
    assert re.search(r"Page 1 of \d+", text)
    assert "DRAFT" not in text


def test_a_draft_is_marked_and_names_who_has_not_approved(api, people, conversation):
    cid = conversation["id"]
    fill(api, people, conversation)
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    assert decide(api, people["manager"], cid, 1, "approved").status_code == 200

    text = pdf_text(fetch(api, people["manager"], cid, 1).data)
    assert text.count("UDKAST") >= 2  # the heading and the running header
    assert "Endnu ikke godkendt af Jonas Nielsen (medarbejder)" in text
    assert "Mette Sørensen (leder) godkendte" in text
    assert "Godkendt af begge og låst" not in text

    text = pdf_text(fetch(api, people["employee"], cid, 1, language="en").data)
    assert "DRAFT" in text and "Not yet approved by Jonas Nielsen (employee)" in text

    comment = {"comment": "Målet skal være mere præcist"}
    assert decide(api, people["employee"], cid, 1, "changes_requested", **comment).status_code == 200
    text = pdf_text(fetch(api, people["employee"], cid, 1, language="en").data)
    assert "Jonas Nielsen (employee) asked for changes" in text
    assert "Changes were asked for: this version is not approved." in text
    assert "Comment: Målet skal være mere præcist" in text


def test_a_long_agreement_spans_pages_numbered_x_of_y(api, people, conversation):
    cid = conversation["id"]
    manager = api.as_(people["manager"])
    for index in range(14):
        body = {"title": f"Mål nummer {index}", "specific": "Langt mål. " * 120, "measure": f"Måling {index}"}
        assert manager.post(f"/api/conversations/{cid}/goals", json=body).status_code == 201
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    data = fetch(api, people["employee"], cid, 1).data
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert pages >= 3
    text = pdf_text(data)
    for page in range(1, pages + 1):
        assert f"Side {page} af {pages}" in text
    for index in range(14):
        assert f"Måling {index}" in text


HOSTILE = {
    "title": "Mål <b>fed</b> & </para> æøå ÆØÅ 🎯 👩🏽‍💻",
    "specific": "שלום עולם مرحبا بالعالم " + "Donaudampfschifffahrtsgesellschaftskapitän" * 12,
    "measure": "<script>alert(1)</script> \u202eomvendt\u202c <br/> <font size=40>x</font>",
    "achievable": "Tabs\tand\nnew\nlines" + " emoji 😀" * 40,
    "relevance": "Ωμέγα Кириллица 中文 日本語",
}


def test_hostile_strings_render_without_error(api, people, conversation):
    cid = conversation["id"]
    manager = api.as_(people["manager"])
    title = {"version": conversation["version"], "title": "Ærlig <i>snak</i> 🙂 " + "x" * 150}
    assert manager.patch(f"/api/conversations/{cid}", json=title).status_code == 200
    assert manager.post(f"/api/conversations/{cid}/goals", json=HOSTILE).status_code == 201
    body = {"title": "Opfølgning <b>nu</b> 🗓", "due_on": "2030-01-02"}
    assert manager.post(f"/api/conversations/{cid}/follow-ups", json=body).status_code == 201
    conversation = manager.get(f"/api/conversations/{cid}").get_json()
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    for language in ("da", "en"):
        response = fetch(api, people["employee"], cid, 1, language=language)
        assert response.status_code == 200
        text = pdf_text(response.data)
        # Markup is shown as the text that was typed, never interpreted.
        assert "Mål <b>fed</b> & </para> æøå ÆØÅ" in text
        assert "<script>alert(1)</script>" in text
        assert "Opfølgning <b>nu</b>" in text
        assert "Ωμέγα Кириллица" in text
        # A word longer than the line is split across lines, never cut off.
        assert text.replace(" ", "").count("Donaudampfschifffahrtsgesellschaftskapitän") == 12


def test_only_the_parties_may_fetch_it(api, people, agreed):
    cid = agreed["id"]
    path = f"/api/conversations/{cid}/agreement/2.pdf"
    for key, status, code in (
        ("colleague", 403, "not_a_party"),
        ("admin", 403, "not_a_party"),
        ("outsider", 404, "not_found"),
    ):
        response = api.as_(people[key]).get(path, headers={"Accept-Language": "en"})
        assert response.status_code == status, key
        assert response.get_json()["error"]["code"] == code
        assert response.headers["Cache-Control"] == "no-store"
    assert api.as_(None).get(path).status_code == 401
    missing = fetch(api, people["employee"], cid, 99)
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    assert fetch(api, people["employee"], cid + 1000, 1).status_code == 404


def test_bad_parameters_are_a_clear_422(api, people, agreed):
    cid = agreed["id"]
    response = fetch(api, people["employee"], cid, 2, query="?tz=Mars/Olympus", language="en")
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "invalid_time_zone" and error["field"] == "tz"
    assert "Europe/Copenhagen" in error["message"]
    response = fetch(api, people["employee"], cid, 2, query="?lang=fr", language="en")
    assert response.status_code == 422 and response.get_json()["error"]["field"] == "lang"
    response = fetch(api, people["employee"], cid, 2, query="?tz=" + "x" * 65, language="en")
    assert response.status_code == 422 and response.get_json()["error"]["field"] == "tz"


def test_a_fetch_is_audited_as_a_read_of_the_agreement(app, api, people, agreed):
    cid = agreed["id"]
    assert fetch(api, people["manager"], cid, 2).status_code == 200
    with app.app_context():
        manager = db.session.scalar(select(Person).where(Person.object_id == people["manager"].oid))
        reads = db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.conversation_id == cid,
                AuditEvent.actor_id == manager.id,
                AuditEvent.action == "agreement.read",
            )
        ).all()
    assert len(reads) == 1
    # The employee sees in their audit log that the manager read the agreement.
    log = api.as_(people["employee"]).get("/api/me/audit").get_json()["items"]
    assert any(e["action"] == "agreement.read" and e["conversation_id"] == cid for e in log)


# --- A new manager the employee handed their history over to -----------------------------------------

# The handover tests' fixtures: the Microsoft 365 stand-ins' directory (the employee's manager is
# "manager"; "colleague" led the employee's earlier MUS, agreed by both).
cloud, m365_app, call, earlier = handover.cloud, handover.m365_app, handover.call, handover.earlier
request_history = handover.request_history


def test_a_new_manager_reads_the_agreed_version_only_after_the_employee_approved(call, earlier, m365_app):
    path = f"/api/conversations/{earlier}/agreement/1.pdf"
    hid = request_history(call)["id"]
    # Before the employee approved: refused in the one error shape, nothing to read.
    refused = call("manager", "GET", path, 403).get_json()
    assert refused["error"]["code"] == "not_a_party" and refused["error"]["message"]
    call("employee", "POST", f"/api/handovers/{hid}/decision", 200, json={"decision": "approved"})

    # The history names the agreed version, whose PDF the new manager may fetch.
    [item] = call("manager", "GET", f"/api/handovers/{hid}/history", 200).get_json()["items"]
    assert (item["conversation_id"], item["number"]) == (earlier, 1)
    response = call("manager", "GET", path, 200)
    assert response.headers["Cache-Control"] == "no-store"
    text = pdf_text(response.data)
    assert "Lære at lede projekter" in text  # the goal of the earlier, agreed MUS
    assert "Anders Kollega (manager) approved" in text
    with m365_app.app_context():
        reads = db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.conversation_id == earlier, AuditEvent.action == "agreement.read"
            )
        ).all()
    assert len(reads) == 1  # audited as a read of the agreement, shown in the employee's log
    # A version that does not exist is 404.
    call("manager", "GET", f"/api/conversations/{earlier}/agreement/2.pdf", 404)


def test_a_new_manager_never_reads_a_draft(call, earlier, m365_app):
    hid = request_history(call)["id"]
    call("employee", "POST", f"/api/handovers/{hid}/decision", 200, json={"decision": "approved"})
    # The old manager changes a summary: a new version, not agreed.
    call(
        "colleague",
        "POST",
        f"/api/conversations/{earlier}/agreement/1/decision",
        409,
        json={"decision": "approved"},
    )
    summaries = call("colleague", "GET", f"/api/conversations/{earlier}/agreement/summaries", 200).get_json()
    item = summaries["items"][0]
    body = {"version": item["version"], "base": item["text"], "text": "Et nyt resumé"}
    call(
        "colleague",
        "PUT",
        f"/api/conversations/{earlier}/agreement/summaries/{item['item_id']}",
        200,
        json=body,
    )
    call("manager", "GET", f"/api/conversations/{earlier}/agreement/1.pdf", 200)
    refused = call("manager", "GET", f"/api/conversations/{earlier}/agreement/2.pdf", 404).get_json()
    assert refused["error"]["code"] == "not_found"
    call("colleague", "GET", f"/api/conversations/{earlier}/agreement/2.pdf", 200)
