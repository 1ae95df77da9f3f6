"""Handover: a new manager reads an employee's earlier agreed conversations only after the employee
approved it. Against the local Entra ID and Graph stand-ins: the directory says who manages whom
(the employee's manager is "manager"; "colleague" led the employee's earlier MUS)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from plugin.storage import AuditEvent
from plugin.storage.db import db
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import oid

GOAL = "Lære at lede projekter"


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365"))
    yield cloud
    cloud.close()


@pytest.fixture
def m365_app(cloud, authority, postgres_url, tmp_path):
    url = postgres_url or f"sqlite:///{tmp_path / 'handover.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:  # the Graph stand-in's directory
        yield app


@pytest.fixture
def call(m365_app, cloud):
    def call(name: str, method: str, path: str, status: int | None = None, **kwargs):
        headers = {"Authorization": f"Bearer {cloud.sso(name)}", "Accept-Language": "en"}
        response = m365_app.test_client().open(path, method=method, headers=headers, **kwargs)
        if status is not None:
            assert response.status_code == status, response.get_json()
        return response

    return call


@pytest.fixture
def earlier(call):
    """The employee's earlier MUS with their previous manager ("colleague"), agreed by both."""
    # The directory names "manager" now: the employee plans it, confirming their earlier manager.
    body = {
        "employee": {"object_id": oid("employee")},
        "manager": {"object_id": oid("colleague")},
        "confirm_relationship": True,
    }
    conversation = call("employee", "POST", "/api/conversations", 201, json=body).get_json()
    cid = conversation["id"]
    call("employee", "POST", f"/api/conversations/{cid}/goals", 201, json={"title": GOAL})
    call(
        "colleague",
        "POST",
        f"/api/conversations/{cid}/transition",
        200,
        json={"status": "in_meeting", "version": conversation["version"]},
    )
    call("colleague", "POST", f"/api/conversations/{cid}/agreement", 201)
    for name in ("employee", "colleague"):
        call(
            name, "POST", f"/api/conversations/{cid}/agreement/1/decision", 200, json={"decision": "approved"}
        )
    return cid


def request_history(call, name: str = "manager", status: int = 201):
    return call(
        name, "POST", "/api/handovers", status, json={"employee_object_id": oid("employee")}
    ).get_json()


def audit_actions(app) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_new_manager_reads_the_history_only_after_the_employee_approves(call, earlier, m365_app):
    handover = request_history(call)
    assert handover["status"] == "requested"
    assert handover["from_manager"]["display_name"] == "Anders Kollega"
    hid = handover["id"]

    refused = call("manager", "GET", f"/api/handovers/{hid}/history", 403).get_json()
    assert refused["error"]["code"] == "handover_not_approved" and refused["error"]["message"]
    assert (
        call("manager", "GET", f"/api/conversations/{earlier}", 403).get_json()["error"]["code"]
        == "not_a_party"
    )
    # Only the employee decides; the old manager and others do not even see the request.
    assert (
        call(
            "manager", "POST", f"/api/handovers/{hid}/decision", 403, json={"decision": "approved"}
        ).get_json()["error"]["code"]
        == "handover_employee_only"
    )
    call("colleague", "POST", f"/api/handovers/{hid}/decision", 404, json={"decision": "approved"})
    call("colleague", "GET", f"/api/handovers/{hid}/history", 404)

    mine = call("employee", "GET", "/api/handovers", 200).get_json()
    assert [(h["id"], h["status"], h["to_manager"]["display_name"]) for h in mine["as_employee"]] == [
        (hid, "requested", "Mette Leder")
    ]
    approved = call("employee", "POST", f"/api/handovers/{hid}/decision", 200, json={"decision": "approved"})
    assert approved.get_json()["status"] == "approved"

    history = call("manager", "GET", f"/api/handovers/{hid}/history", 200).get_json()
    [item] = history["items"]
    assert item["conversation_id"] == earlier
    assert item["manager"]["display_name"] == "Anders Kollega"
    assert [g["title"] for g in item["agreement"]["goals"]] == [GOAL]
    # Read-only: the grant opens the history, not the conversation itself.
    call("manager", "GET", f"/api/conversations/{earlier}", 403)
    call(
        "manager",
        "POST",
        f"/api/conversations/{earlier}/goals",
        403,
        json={"title": "Et mål fra den nye leder"},
    )
    # The old manager gets nothing new: the handover is not theirs.
    assert call("colleague", "GET", "/api/handovers", 200).get_json()["as_manager"] == []

    actions = audit_actions(m365_app)
    assert [a for a in actions if a.startswith("handover.")] == [
        "handover.requested",
        "handover.approved",
        "handover.history_read",
    ]


def test_declined_stays_closed_and_cannot_be_turned_around_by_the_manager(call, earlier, m365_app):
    hid = request_history(call)["id"]
    declined = call("employee", "POST", f"/api/handovers/{hid}/decision", 200, json={"decision": "declined"})
    assert declined.get_json()["status"] == "declined"
    assert (
        call("manager", "GET", f"/api/handovers/{hid}/history", 403).get_json()["error"]["code"]
        == "handover_not_approved"
    )
    again = call("employee", "POST", f"/api/handovers/{hid}/decision", 409, json={"decision": "approved"})
    assert again.get_json()["error"]["code"] == "handover_decided"
    # The manager may ask anew; that is a new request the employee answers.
    renewed = request_history(call)
    assert renewed["id"] != hid and renewed["status"] == "requested"
    assert "handover.declined" in audit_actions(m365_app)


def test_only_the_manager_in_the_directory_may_request(call, earlier, m365_app):
    for name in ("director", "colleague"):
        refused = call(name, "POST", "/api/handovers", 403, json={"employee_object_id": oid("employee")})
        assert refused.get_json()["error"]["code"] == "handover_not_manager"
    # The employee cannot ask for their own history as if they managed themselves.
    call("employee", "POST", "/api/handovers", 403, json={"employee_object_id": oid("employee")})
    call("manager", "POST", "/api/handovers", 422, json={})
    call("manager", "POST", "/api/handovers", 422, json={"employee_object_id": "not-an-id"})
    assert not [a for a in audit_actions(m365_app) if a.startswith("handover.")]


def test_the_employee_offers_and_the_manager_sees_their_reports(call, earlier, m365_app):
    offered = call("employee", "POST", "/api/handovers", 201, json={"offer": True}).get_json()
    assert offered["status"] == "approved" and offered["requested_by"] == "employee"
    assert offered["to_manager"]["display_name"] == "Mette Leder"
    listing = call("manager", "GET", "/api/handovers", 200).get_json()
    assert listing["directory"] == "ok"
    reports = {r["display_name"]: r["handover"] for r in listing["reports"]}
    assert reports["Jonas Medarbejder"]["status"] == "approved"
    assert reports["Anders Kollega"] is None
    history = call("manager", "GET", f"/api/handovers/{offered['id']}/history", 200).get_json()
    assert [i["conversation_id"] for i in history["items"]] == [earlier]
    # Asking for what was offered gives the same, approved handover.
    assert request_history(call)["id"] == offered["id"]
    assert "handover.offered" in audit_actions(m365_app)


def test_directory_outage_lists_requests_without_reports(call, earlier, cloud):
    hid = request_history(call)["id"]
    cloud.graph.outage(True)
    try:
        listing = call("manager", "GET", "/api/handovers", 200).get_json()
        refused = call("manager", "POST", "/api/handovers", json={"employee_object_id": oid("colleague")})
    finally:
        cloud.graph.outage(False)
    assert listing["directory"] == "unavailable" and listing["reports"] == []
    assert [h["id"] for h in listing["as_manager"]] == [hid]
    assert refused.status_code == 503 and refused.get_json()["error"]["code"]
