from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from plugin.storage import Consent
from plugin.storage.db import db

FROZEN = datetime(2030, 2, 1, 8, 0, tzinfo=UTC)


def consent_url(cid: int) -> str:
    return f"/api/conversations/{cid}/consent"


def by_kind(body: dict) -> dict[str, dict]:
    return {item["kind"]: item for item in body["items"]}


def test_nobody_has_answered_at_first(api, people, conversation):
    response = api.as_(people["employee"]).get(consent_url(conversation["id"]))
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [i["kind"] for i in items] == ["confidentiality", "keep_shared_notes", "recording"]
    assert all(i["employee"] is None and i["manager"] is None and i["both_agreed"] is False for i in items)


def test_both_answers_are_shown_to_both_parties(api, people, conversation, events, app):
    cid = conversation["id"]
    app.extensions["mus.clock"] = lambda: FROZEN
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])

    first = emp.put(consent_url(cid), json={"kind": "keep_shared_notes", "value": True})
    assert first.status_code == 200
    keep = by_kind(first.get_json())["keep_shared_notes"]
    assert keep["employee"]["value"] is True
    assert keep["employee"]["recorded_at"].startswith("2030-02-01T08:00")
    assert keep["manager"] is None
    assert keep["both_agreed"] is False

    mgr.put(consent_url(cid), json={"kind": "keep_shared_notes", "value": True})
    mgr.put(consent_url(cid), json={"kind": "recording", "value": False})
    emp.put(consent_url(cid), json={"kind": "recording", "value": True})
    for client in (emp, mgr):
        seen = by_kind(client.get(consent_url(cid)).get_json())
        assert seen["keep_shared_notes"]["both_agreed"] is True
        assert (seen["recording"]["employee"]["value"], seen["recording"]["manager"]["value"]) == (
            True,
            False,
        )
        assert seen["recording"]["both_agreed"] is False
        assert seen["confidentiality"] == {
            "kind": "confidentiality",
            "employee": None,
            "manager": None,
            "both_agreed": False,
        }

    consent_events = [e for e in events if e.kind == "consent.updated"]
    assert [(e.data["consent"], e.data["party"], e.data["value"]) for e in consent_events] == [
        ("keep_shared_notes", "employee", True),
        ("keep_shared_notes", "manager", True),
        ("recording", "manager", False),
        ("recording", "employee", True),
    ]
    assert all(e.conversation_id == cid for e in consent_events)


def test_changing_an_answer_replaces_it(api, people, conversation, app):
    cid = conversation["id"]
    mgr, emp = api.as_(people["manager"]), api.as_(people["employee"])
    emp.put(consent_url(cid), json={"kind": "confidentiality", "value": True})
    mgr.put(consent_url(cid), json={"kind": "confidentiality", "value": True})
    assert by_kind(mgr.get(consent_url(cid)).get_json())["confidentiality"]["both_agreed"] is True
    changed = emp.put(consent_url(cid), json={"kind": "confidentiality", "value": False})
    item = by_kind(changed.get_json())["confidentiality"]
    assert item["employee"]["value"] is False
    assert item["both_agreed"] is False
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Consent)) == 2


@pytest.mark.parametrize(
    "body,field",
    [
        ({"kind": "marketing", "value": True}, "kind"),
        ({"kind": "recording"}, "value"),
        ({"kind": "recording", "value": "maybe"}, "value"),
        ({"kind": "recording", "value": True, "party": "manager"}, "party"),
    ],
)
def test_invalid_answers_are_422(api, people, conversation, body, field):
    response = api.as_(people["employee"]).put(consent_url(conversation["id"]), json=body)
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == field
    items = api.as_(people["employee"]).get(consent_url(conversation["id"])).get_json()["items"]
    assert all(i["employee"] is None for i in items)


@pytest.mark.parametrize("who,status", [("colleague", 403), ("admin", 403), ("outsider", 404)])
def test_only_the_parties_reach_consent(api, people, conversation, who, status):
    cid = conversation["id"]
    client = api.as_(people[who])
    assert client.get(consent_url(cid)).status_code == status
    assert client.put(consent_url(cid), json={"kind": "recording", "value": True}).status_code == status
    items = api.as_(people["manager"]).get(consent_url(cid)).get_json()["items"]
    assert all(i["employee"] is None and i["manager"] is None for i in items)
