from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event as sql_event
from sqlalchemy import select

from plugin.storage import AuditEvent
from plugin.storage.db import db
from tests.support.directory import person_oid
from tests.support.idp import TENANT_B


def test_me_returns_the_signed_in_person(api, people):
    body = api.as_(people["employee"]).get("/api/me").get_json()
    assert body["object_id"] == people["employee"].oid
    assert body["display_name"] == "Jonas Nielsen"
    assert body["is_admin"] is False
    assert api.as_(people["admin"]).get("/api/me").get_json()["is_admin"] is True


def test_templates_list_builtins(api, people):
    keys = [t["key"] for t in api.as_(people["employee"]).get("/api/templates").get_json()["items"]]
    assert keys[:2] == ["mus-default", "checkin-default"]


TEMPLATE = {
    "key": "mus-short",
    "kind": "mus",
    "name": {"da": "Kort MUS", "en": "Short MUS"},
    "sections": [
        {"key": "status", "title": {"da": "Status", "en": "Status"}},
        {"key": "goals", "title": {"da": "Mål"}, "tools": ["goals"]},
    ],
}


def test_admin_adds_a_template_that_conversations_then_use(api, people):
    created = api.as_(people["admin"]).post("/api/templates", json=TEMPLATE)
    assert created.status_code == 201
    conversation = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "template_key": "mus-short"},
    )
    assert conversation.status_code == 201
    agenda = conversation.get_json()["agenda"]
    assert [(i["section_key"], i["tools"]) for i in agenda] == [("status", []), ("goals", ["goals"])]
    # The template is the organisation's own: another tenant cannot use it.
    other = api.as_(people["outsider"]).post(
        "/api/conversations",
        json={
            "employee": {"object_id": person_oid(TENANT_B, "outsider_report")},
            "template_key": "mus-short",
        },
    )
    assert other.status_code == 422


def test_template_kind_must_match_the_conversation(api, people):
    api.as_(people["admin"]).post("/api/templates", json=TEMPLATE)
    response = api.as_(people["manager"]).post(
        "/api/conversations",
        json={
            "kind": "checkin",
            "employee": {"object_id": people["employee"].oid},
            "template_key": "mus-short",
        },
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "template_kind"


def test_only_admins_add_templates_and_keys_are_unique(api, people):
    assert api.as_(people["manager"]).post("/api/templates", json=TEMPLATE).status_code == 403
    assert api.as_(people["admin"]).post("/api/templates", json=TEMPLATE).status_code == 201
    again = api.as_(people["admin"]).post("/api/templates", json=TEMPLATE)
    assert again.status_code == 409
    builtin = api.as_(people["admin"]).post("/api/templates", json={**TEMPLATE, "key": "mus-default"})
    assert builtin.status_code == 409


@pytest.mark.parametrize(
    "change,field",
    [
        ({"key": "Has Spaces"}, "key"),
        ({"sections": []}, "sections"),
        ({"name": {"fr": "Court"}}, "name.fr.[key]"),
    ],
)
def test_bad_templates_name_the_field(api, people, change, field):
    response = api.as_(people["admin"]).post("/api/templates", json={**TEMPLATE, **change})
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == field


def test_coverage_counts_without_content_and_is_audited(app, api, people):
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    app.extensions["mus.clock"] = lambda: now
    mgr = api.as_(people["manager"])
    for when in (now - timedelta(days=3), now + timedelta(days=3)):
        mgr.post(
            "/api/conversations",
            json={"employee": {"object_id": people["employee"].oid}, "scheduled_at": when.isoformat()},
        )
    assert api.as_(people["manager"]).get("/api/coverage").status_code == 403
    response = api.as_(people["admin"]).get("/api/coverage")
    assert response.status_code == 200
    body = response.get_json()
    mus = next(k for k in body["kinds"] if k["kind"] == "mus")
    # One employee: a group under 5, so no figure is shown (tests/test_pairs_coverage.py has more).
    assert (mus["held"], mus["planned"], mus["overdue"]) == (None, None, None)
    assert body["employees_with_mus"] is None
    assert "notes" not in response.get_data(as_text=True)
    outsider = api.as_(people["outsider"]).get("/api/coverage")
    assert outsider.status_code == 403
    with app.app_context():
        from plugin.storage.db import db

        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions == ["coverage.read"]


def test_a_known_person_s_request_uses_one_connection_and_one_commit(api, people, app):
    """Signing in a person as they were (same name, signed in this quarter hour) stores nothing, so
    the request's work goes on in the transaction the lookup began."""
    employee = api.as_(people["employee"])
    assert employee.get("/api/templates").status_code == 200  # the person exists, signed in now
    seen = {"checkout": 0, "commit": 0}

    def count(name):
        def listener(*args) -> None:
            seen[name] += 1

        return listener

    with app.app_context():
        engine = db.engine
    listeners = [(engine.pool, "checkout", count("checkout")), (engine, "commit", count("commit"))]
    for target, name, listener in listeners:
        sql_event.listen(target, name, listener)
    try:
        assert employee.get("/api/templates").status_code == 200
    finally:
        for target, name, listener in listeners:
            sql_event.remove(target, name, listener)
    assert seen["checkout"] == 1 and seen["commit"] <= 1
