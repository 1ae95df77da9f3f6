from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from plugin.cli import purge_command
from plugin.services import retention
from plugin.storage import AgreementDecision, AgreementVersion, AuditEvent, Conversation
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work
from tests.support.idp import TENANT_A

T0 = datetime(2030, 1, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(app):
    """Set the app's time: clock(days=31) is T0 + 31 days."""

    def set_to(**delta) -> datetime:
        moment = T0 + timedelta(**delta)
        app.extensions["mus.clock"] = lambda: moment
        return moment

    set_to()
    return set_to


@pytest.fixture
def retention_days(app) -> int:
    days = app.extensions["mus.settings"].retention_days
    assert days == 30
    return days


def purge(app) -> retention.PurgeReport:
    with app.app_context():
        return retention.do_purge(new_unit_of_work())


def write_notes(api, person, cid: int, index: int, notes: str) -> None:
    client = api.as_(person)
    item = client.get(f"/api/conversations/{cid}").get_json()["agenda"][index]
    response = client.patch(
        f"/api/conversations/{cid}/agenda/{item['id']}", json={"version": item["version"], "notes": notes}
    )
    assert response.status_code == 200, response.get_json()


def end_meeting_with_draft(api, people, conversation) -> None:
    """In meeting, then the first draft: the meeting ends now."""
    cid = conversation["id"]
    mgr = api.as_(people["manager"])
    moved = mgr.post(
        f"/api/conversations/{cid}/transition",
        json={"status": "in_meeting", "version": conversation["version"]},
    )
    assert moved.status_code == 200
    assert mgr.post(f"/api/conversations/{cid}/agreement").status_code == 201


def keep_notes(api, people, cid: int, employee: bool | None, manager: bool | None) -> None:
    for key, value in (("employee", employee), ("manager", manager)):
        if value is not None:
            response = api.as_(people[key]).put(
                f"/api/conversations/{cid}/consent", json={"kind": "keep_shared_notes", "value": value}
            )
            assert response.status_code == 200


def agenda(api, people, cid: int) -> list[dict]:
    return api.as_(people["employee"]).get(f"/api/conversations/{cid}").get_json()["agenda"]


def versions(api, people, cid: int) -> list[tuple[int, str]]:
    items = api.as_(people["employee"]).get(f"/api/conversations/{cid}/agreement").get_json()["items"]
    return [(v["number"], v["state"]) for v in items]


def write_summary(api, person, cid: int, index: int, text: str) -> dict:
    client = api.as_(person)
    item = client.get(f"/api/conversations/{cid}/agreement/summaries").get_json()["items"][index]
    response = client.put(
        f"/api/conversations/{cid}/agreement/summaries/{item['item_id']}",
        json={"version": item["version"], "base": item["text"], "text": text},
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def set_updated_at(app, cid: int, moment: datetime) -> None:
    with app.app_context():
        db.session.execute(update(Conversation).where(Conversation.id == cid).values(updated_at=moment))
        db.session.commit()


# --- Shared notes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "employee,manager",
    [(None, None), (True, None), (True, False), (False, True)],
)
def test_notes_are_removed_after_the_retention_period_unless_both_keep_them(
    api, people, conversation, app, clock, retention_days, employee, manager
):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 0, "Travlt forår, for mange projekter")
    write_notes(api, people["manager"], cid, 3, "Ros for kundeprojektet")
    keep_notes(api, people, cid, employee, manager)
    end_meeting_with_draft(api, people, conversation)

    set_updated_at(app, cid, clock(days=retention_days - 1))  # still active: not deleted whole
    early = purge(app)
    assert early.notes_cleared == 0
    assert agenda(api, people, cid)[0]["notes"] == "Travlt forår, for mange projekter"

    now = clock(days=retention_days)
    set_updated_at(app, cid, now)
    report = purge(app)
    assert report.notes_cleared == 2
    items = agenda(api, people, cid)
    assert [(i["notes"], i["notes_removed"]) for i in items[:4]] == [
        ("", True),
        ("", False),  # never had notes: nothing was removed
        ("", False),
        ("", True),
    ]
    with app.app_context():
        [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purge")).all()
        assert (event.actor_id, event.tenant_id, event.conversation_id) == (None, TENANT_A, cid)
        assert event.detail["notes_cleared"] == 2
        assert event.at == now

    # Already removed notes are not counted again.
    assert purge(app).notes_cleared == 0


def test_notes_are_kept_when_both_parties_chose_to_keep_them(
    api, people, conversation, app, clock, retention_days
):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 0, "Vi holder fast i fredagsmøderne")
    keep_notes(api, people, cid, True, True)
    end_meeting_with_draft(api, people, conversation)
    set_updated_at(app, cid, clock(days=retention_days * 5))
    report = purge(app)
    assert report.notes_cleared == 0
    assert agenda(api, people, cid)[0]["notes"] == "Vi holder fast i fredagsmøderne"
    assert agenda(api, people, cid)[0]["notes_removed"] is False


def test_notes_of_a_meeting_that_never_ended_go_with_the_idle_conversation(
    api, people, conversation, app, clock, retention_days
):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 0, "Forberedelse til mødet")
    set_updated_at(app, cid, clock(days=400))  # still being worked on: it stays
    assert purge(app).conversations_deleted == 0
    assert agenda(api, people, cid)[0]["notes"] == "Forberedelse til mødet"

    clock(days=400 + retention_days)  # idle for the retention period, never agreed: deleted whole
    report = purge(app)
    assert (report.conversations_deleted, report.notes_cleared) == (1, 0)
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}").status_code == 404
    with app.app_context():
        [event] = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "retention.conversation_deleted")
        ).all()
        assert (event.conversation_id, event.detail["former_id"]) == (None, cid)


def test_notes_written_again_after_a_purge_are_removed_again(
    api, people, conversation, app, clock, retention_days
):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 0, "Første runde")
    end_meeting_with_draft(api, people, conversation)
    set_updated_at(app, cid, clock(days=retention_days))
    assert purge(app).notes_cleared == 1
    write_notes(api, people["employee"], cid, 0, "Skrevet igen")
    assert agenda(api, people, cid)[0]["notes_removed"] is False
    set_updated_at(app, cid, clock(days=retention_days + 1))
    assert purge(app).notes_cleared == 1
    assert agenda(api, people, cid)[0]["notes"] == ""


# --- Agreement drafts --------------------------------------------------------------------------


def test_old_unapproved_drafts_go_and_locked_versions_stay(
    api, people, conversation, app, clock, retention_days
):
    cid = conversation["id"]
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    keep_notes(api, people, cid, True, True)
    end_meeting_with_draft(api, people, conversation)  # version 1 at T0
    emp.post(
        f"/api/conversations/{cid}/agreement/1/decision",
        json={"decision": "changes_requested", "comment": "Mangler en dato"},
    )
    assert write_summary(api, people["employee"], cid, 6, "Kursus senest 1. juni")["agreement_number"] == 2
    emp.post(f"/api/conversations/{cid}/agreement/2/decision", json={"decision": "approved"})
    both = mgr.post(f"/api/conversations/{cid}/agreement/2/decision", json={"decision": "approved"})
    assert both.get_json()["locked_at"] is not None
    clock(days=20)
    assert write_summary(api, people["employee"], cid, 6, "Kursus senest 1. juli")["agreement_number"] == 3
    clock(days=21)
    assert write_summary(api, people["employee"], cid, 6, "Kursus senest 1. august")["agreement_number"] == 4
    set_updated_at(app, cid, T0 + timedelta(days=21))

    clock(days=retention_days + 1)
    report = purge(app)
    assert (report.notes_cleared, report.drafts_deleted) == (0, 1)
    assert versions(api, people, cid) == [(4, "draft"), (3, "superseded"), (2, "agreed")]
    with app.app_context():
        decisions = db.session.scalars(select(AgreementDecision.decision)).all()
        assert sorted(decisions) == ["approved", "approved"]  # version 1's request went with it
        [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purge")).all()
        assert event.detail == {
            "notes_cleared": 0,
            "drafts_deleted": 1,
            "pulses_deleted": 0,
            "preparation_deleted": 0,
        }

    # Much later and idle: the unapproved drafts go, the locked version never does.
    clock(days=retention_days * 10)
    assert purge(app).drafts_deleted == 2
    assert versions(api, people, cid) == [(2, "agreed")]
    listing = api.as_(people["manager"]).get(f"/api/conversations/{cid}/agreement").get_json()
    assert listing["items"][0]["snapshot"]["agenda"][6]["summary"] == "Kursus senest 1. juni"
    assert listing["items"][0]["locked_at"] is not None
    # Numbers never repeat: the next draft is 5, not 3, so older audit entries stay unambiguous.
    assert (
        write_summary(api, people["employee"], cid, 6, "Kursus senest 1. september")["agreement_number"] == 5
    )


def test_the_latest_draft_stays_while_the_conversation_is_active(
    api, people, conversation, app, clock, retention_days
):
    cid = conversation["id"]
    keep_notes(api, people, cid, True, True)
    end_meeting_with_draft(api, people, conversation)
    now = clock(days=retention_days + 5)
    set_updated_at(app, cid, now - timedelta(days=3))
    assert purge(app).drafts_deleted == 0
    assert versions(api, people, cid) == [(1, "draft")]

    set_updated_at(app, cid, now - timedelta(days=retention_days))
    # Idle for the retention period and never agreed: the conversation goes whole, drafts and all.
    assert purge(app).conversations_deleted == 1
    assert api.as_(people["employee"]).get(f"/api/conversations/{cid}/agreement").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AgreementVersion)) == 0
        # The reads logged before stay in the audit log (without the conversation).
        kept = select(func.count()).select_from(AuditEvent).where(AuditEvent.action.not_like("%.read"))
        assert db.session.scalar(kept) == 1


# --- The command -------------------------------------------------------------------------------


def test_mus_purge_prints_the_counts(api, people, conversation, app, clock, retention_days):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 0, "Noter fra mødet")
    write_notes(api, people["employee"], cid, 1, "Flere noter")
    end_meeting_with_draft(api, people, conversation)
    now = clock(days=retention_days + 1)
    set_updated_at(app, cid, now - timedelta(days=retention_days - 1))  # active: only the notes go

    result = app.test_cli_runner().invoke(purge_command)
    assert result.exit_code == 0, result.output
    assert "removed shared notes of 2 agenda items and 0 unapproved agreement drafts" in result.output
    assert [i["notes"] for i in agenda(api, people, cid)[:2]] == ["", ""]
    assert versions(api, people, cid) == [(1, "draft")]

    again = app.test_cli_runner().invoke(purge_command)
    assert "removed shared notes of 0 agenda items and 0 unapproved agreement drafts" in again.output
