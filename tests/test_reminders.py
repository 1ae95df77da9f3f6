"""Reminders end to end: stored once, sent once through Graph (the stand-in's log counts what reached
whom), across concurrent runs, after a crash, through an outage, by e-mail when the activity feed is
refused, in the recipient's language; and a decision on an agreement reminds the other party."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from plugin.scheduler import send_reminders
from plugin.services import reminders as service
from plugin.storage import AgreementVersion, Conversation, FollowUp, Person, Reminder, Tenant
from plugin.storage import reminders as store
from plugin.storage.db import db
from plugin.storage.setup import new_unit_of_work
from tests.conftest import built_app, make_settings
from tests.support import m365
from tests.support.m365 import CLIENT_ID, TENANT, oid

NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
SENDER = "dorte@test.example"


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-reminders"))
    cloud.graph.register_teams_app(CLIENT_ID, list(service.ACTIVITY_TYPES.values()))
    cloud.graph.install_app(TENANT, CLIENT_ID)
    yield cloud
    cloud.close()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def capp(cloud, authority, tmp_path, postgres_url, clock):
    url = postgres_url or f"sqlite:///{tmp_path / 'reminders.sqlite3'}"
    settings = m365.cloud_settings(make_settings(authority, url, tmp_path / "instance"), cloud)
    settings = settings.with_changes(reminder_sender=SENDER, jobs=False)
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:
        app.extensions["mus.clock"] = clock
        yield app


def seed(app, *, kind="mus", scheduled_at=NOW + timedelta(days=2)) -> Conversation:
    """Mette (Danish) plans a conversation with Jonas (English)."""
    with app.app_context():
        db.session.add(Tenant(id=TENANT))
        db.session.flush()
        manager = Person(
            tenant_id=TENANT, object_id=oid("manager"), display_name="Mette Leder", email="mette@test.example"
        )
        employee = Person(
            tenant_id=TENANT,
            object_id=oid("employee"),
            display_name="Jonas Medarbejder",
            email="employee@test.example",
            locale="en-gb",
        )
        db.session.add_all([manager, employee])
        db.session.flush()
        conversation = Conversation(
            tenant_id=TENANT,
            kind=kind,
            employee_id=employee.id,
            manager_id=manager.id,
            created_by_id=manager.id,
            template_key="mus-default",
            scheduled_at=scheduled_at,
        )
        db.session.add(conversation)
        db.session.commit()
        db.session.refresh(conversation)
        return conversation


def run(app):
    with app.app_context():
        return send_reminders(app)


def rows(app) -> list[Reminder]:
    with app.app_context():
        found = list(db.session.scalars(select(Reminder).order_by(Reminder.id)))
        db.session.expunge_all()
        return found


class Log:
    """What the Graph stand-in delivered since the test began."""

    def __init__(self, cloud) -> None:
        self.cloud = cloud
        self.start = len(cloud.graph.notifications)

    def new(self) -> list[dict]:
        return self.cloud.graph.notifications[self.start :]


def test_two_concurrent_runs_send_each_reminder_once_in_the_recipients_language(capp, cloud):
    seed(capp)
    log = Log(cloud)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker():
        try:
            barrier.wait(10)
            run(capp)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    sent = log.new()
    assert sorted(n["recipient"] for n in sent) == sorted([oid("manager"), oid("employee")])
    assert all(n["channel"] == "activity" and n["activity_type"] == "prepareConversation" for n in sent)
    by = {n["recipient"]: n for n in sent}
    # Mette reads Danish and is told about Jonas; Jonas reads English and is told about Mette.
    # The time is shown in Copenhagen time (08:00 UTC is 09.00 there).
    assert by[oid("manager")]["preview"].startswith(
        "Din MUS-samtale med Jonas Medarbejder er planlagt til 03.03.2027 09.00"
    )
    assert by[oid("manager")]["topic"]["value"] == "Forbered din MUS-samtale med Jonas Medarbejder"
    assert by[oid("employee")]["preview"].startswith("Your MUS conversation with Mette Leder is on")
    assert by[oid("employee")]["topic"]["value"] == "Prepare your MUS conversation with Mette Leder"
    assert by[oid("employee")]["template_parameters"] == {"otherName": "Mette Leder"}
    assert by[oid("employee")]["topic"]["webUrl"].startswith("https://")
    stored = rows(capp)
    assert [(r.status, r.channel, r.attempts) for r in stored] == [("sent", "activity", 1)] * 2
    # A later run finds the reminders stored and sent: nothing more.
    run(capp)
    assert len(log.new()) == 2 and len(rows(capp)) == 2


def test_a_run_that_crashed_after_claiming_is_retried_once_when_its_claim_expires(capp, cloud, clock):
    seed(capp)
    log = Log(cloud)
    with capp.app_context():
        uow = new_unit_of_work(capp)
        service.enqueue_due(uow, clock.now)
        with uow:
            claimed = store.claim(
                uow.session, holder="crashed", now=clock.now, until=clock.now + service.CLAIM_FOR, limit=10
            )
    assert len(claimed) == 2  # ... and then that process died before sending anything
    assert run(capp).claimed == 0 and log.new() == []
    clock.now += service.CLAIM_FOR + timedelta(seconds=1)
    report = run(capp)
    assert report.sent == {"activity": 2}
    assert len(log.new()) == 2
    assert [(r.status, r.attempts, r.claimed_by) for r in rows(capp)] == [("sent", 2, None)] * 2
    clock.now += service.CLAIM_FOR * 3
    run(capp)
    assert len(log.new()) == 2


def test_graph_unavailable_leaves_the_reminder_pending_and_it_is_sent_once_later(capp, cloud, clock):
    seed(capp)
    log = Log(cloud)
    cloud.graph.outage(True)
    try:
        report = run(capp)
    finally:
        cloud.graph.outage(False)
    assert report.retried == 2 and log.new() == []
    stored = rows(capp)
    assert [(r.status, r.attempts, r.last_error) for r in stored] == [("pending", 1, "graph_unavailable")] * 2
    assert all(r.next_attempt_at == NOW + service.backoff(1) for r in stored)
    assert run(capp).claimed == 0  # not before its back-off
    clock.now += service.backoff(1)
    assert run(capp).sent == {"activity": 2}
    assert sorted(n["recipient"] for n in log.new()) == sorted([oid("manager"), oid("employee")])
    run(capp)
    assert len(log.new()) == 2


def test_e_mail_is_the_fallback_when_the_app_is_not_installed_for_the_person(capp, cloud):
    seed(capp)
    log = Log(cloud)
    cloud.graph.uninstall_app(TENANT, CLIENT_ID, oid("employee"))
    try:
        assert run(capp).sent == {"activity": 1, "mail": 1}
    finally:
        cloud.graph.install_app(TENANT, CLIENT_ID, oid("employee"))
    sent = log.new()
    mail = [n for n in sent if n["channel"] == "mail"]
    assert [n["recipient"] for n in sent if n["channel"] == "activity"] == [oid("manager")]
    assert len(mail) == 1 and mail[0]["recipient"] == "employee@test.example" and mail[0]["sender"] == SENDER
    assert mail[0]["subject"] == "Prepare your MUS conversation with Mette Leder"
    assert "https://" in mail[0]["body"] and "Open MUS in Teams" in mail[0]["body"]
    channels = {r.recipient_id: r.channel for r in rows(capp)}
    assert sorted(channels.values()) == ["activity", "mail"]


def test_without_a_sender_a_refused_activity_fails_and_is_not_retried(capp, cloud, clock):
    capp.extensions["mus.settings"] = capp.extensions["mus.settings"].with_changes(reminder_sender="")
    seed(capp)
    log = Log(cloud)
    cloud.graph.uninstall_app(TENANT, CLIENT_ID, oid("employee"))
    try:
        report = run(capp)
        clock.now += timedelta(days=1)
        run(capp)
    finally:
        cloud.graph.install_app(TENANT, CLIENT_ID, oid("employee"))
    assert report.failed == 1
    assert [n["recipient"] for n in log.new()] == [oid("manager")]
    assert sorted((r.status, r.last_error or "") for r in rows(capp)) == [
        ("failed", "teams_app_not_installed"),
        ("sent", ""),
    ]


def test_follow_ups_of_a_locked_agreement_remind_both_on_the_due_date(capp, cloud, clock):
    conversation = seed(capp, scheduled_at=NOW - timedelta(days=30))
    with capp.app_context():
        db.session.add(
            FollowUp(
                conversation_id=conversation.id, title="Kursus", due_on=date(2027, 3, 1), created_by_id=1
            )
        )
        db.session.add(
            FollowUp(
                conversation_id=conversation.id, title="Senere", due_on=date(2027, 4, 1), created_by_id=1
            )
        )
        db.session.commit()
    log = Log(cloud)
    assert run(capp).claimed == 0  # the agreement is not locked yet: no follow-up reminders
    with capp.app_context():
        db.session.add(
            AgreementVersion(
                conversation_id=conversation.id, number=1, snapshot={}, created_by_id=1, locked_at=NOW
            )
        )
        db.session.commit()
    run(capp)
    sent = log.new()
    assert {n["activity_type"] for n in sent} == {"followUpDue"} and len(sent) == 2
    assert "1. marts 2027" in next(n["preview"] for n in sent if n["recipient"] == oid("manager"))
    clock.now += timedelta(days=7)
    run(capp)
    assert [n["activity_type"] for n in log.new()[2:]] == ["followUpOverdue"] * 2


def test_the_manifest_declares_every_activity_type_the_app_sends():
    template = Path(__file__).parents[1] / "manifest" / "manifest.template.json"
    manifest = json.loads(template.read_text(encoding="utf-8"))
    declared = {a["type"] for a in manifest["activities"]["activityTypes"]}
    assert declared == set(service.ACTIVITY_TYPES.values())
    for activity in manifest["activities"]["activityTypes"]:
        assert "{otherName}" in activity["templateText"]


def test_the_stand_in_checks_the_request(capp, cloud):
    with capp.app_context():
        token = capp.extensions["mus.msal"].graph_token_for_app(TENANT)
    url = f"{cloud.graph.url}/v1.0/users/{oid('employee')}/teamwork/sendActivityNotification"
    good = {
        "topic": {"source": "text", "value": "MUS", "webUrl": "https://mus.example/tab"},
        "activityType": "checkInDue",
        "previewText": {"content": "Hej"},
        "templateParameters": [{"name": "otherName", "value": "Mette"}],
    }
    headers = {"Authorization": f"Bearer {token}"}

    def post(body, **kw):
        return requests.post(
            url, json=body, headers=kw.get("headers", headers), verify=cloud.ca.ca_file, timeout=10
        )

    assert post({**good, "activityType": "undeclared"}).status_code == 400
    assert post({**good, "topic": {"source": "text", "value": "MUS"}}).status_code == 400
    assert post({**good, "previewText": {"content": "x" * 151}}).status_code == 400
    assert post({**good, "chainId": "one"}).status_code == 400
    refused = post(good, headers={"Authorization": f"Bearer {cloud.sso('employee')}"})
    assert refused.status_code == 401  # an SSO token for the app is no Graph token
    before = len(cloud.graph.notifications)
    assert post({**good, "chainId": 41}).status_code == 204
    assert post({**good, "chainId": 41}).status_code == 204  # the same chain: replaces, not adds
    feed = [n for n in cloud.graph.activity_feed(TENANT, oid("employee")) if n["chain_id"] == 41]
    assert len(cloud.graph.notifications) == before + 2 and len(feed) == 1
    mail = f"{cloud.graph.url}/v1.0/users/{SENDER}/sendMail"
    bad_mail = {
        "message": {"subject": "x", "body": {"contentType": "HTML", "content": "x"}, "toRecipients": []}
    }
    assert (
        requests.post(mail, json=bad_mail, headers=headers, verify=cloud.ca.ca_file, timeout=10).status_code
        == 400
    )


def test_a_decision_reminds_the_other_party_in_the_same_transaction(api, people, conversation, app):
    from tests.test_agreements_api import decide, draft, start_meeting, write_notes

    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 6, "Kursus")
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    # A refused decision (changes without a comment) stores no reminder.
    assert decide(api, people["employee"], cid, 1, "changes_requested").status_code == 422
    assert rows(app) == []
    assert decide(api, people["employee"], cid, 1, "approved").status_code == 200
    with app.app_context():
        manager = db.session.scalar(select(Person).where(Person.object_id == people["manager"].oid))
        employee = db.session.scalar(select(Person).where(Person.object_id == people["employee"].oid))
        manager_id, employee_id = manager.id, employee.id
    stored = rows(app)
    assert [(r.kind, r.recipient_id, r.other_id, r.occasion, r.status) for r in stored] == [
        ("approved", manager_id, employee_id, "v1", "pending")
    ]
    fake = FakeGraph()
    with app.app_context():
        service.run_reminders(new_unit_of_work(app), lambda _tenant: fake, holder="test")
    # Jonas approved first: Mette is asked for her answer (in Danish, her language).
    assert [(to, kind) for to, kind, _ in fake.sent] == [(people["manager"].oid, "agreementApproved")]
    assert (
        fake.sent[0][2]
        == "Jonas Nielsen har godkendt version 1 af jeres aftale. Læs den, og giv dit svar i MUS."
    )
    assert decide(api, people["manager"], cid, 1, "approved").status_code == 200
    assert [(r.kind, r.recipient_id) for r in rows(app)] == [
        ("approved", manager_id),
        ("approved", employee_id),
    ]
    with app.app_context():
        service.run_reminders(new_unit_of_work(app), lambda _tenant: fake, holder="test")
    # Mette's approval locked it: Jonas hears that it is agreed, not that he should answer.
    assert fake.sent[1][:2] == (people["employee"].oid, "agreementApproved")
    assert (
        fake.sent[1][2]
        == "Mette Sørensen har godkendt version 1, og jeres aftale er nu låst. Den kan læses i MUS."
    )


class FakeGraph:
    """Records activity notifications (recipient, activity type, preview)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    def send_activity_notification(self, user_id, *, activity_type, preview_text, **_ignored) -> None:
        self.sent.append((user_id, activity_type, preview_text))


def test_two_processes_send_each_reminder_once(capp, cloud, tmp_path, postgres_url):
    """`mus reminders send` in two processes at once, on the same database (PostgreSQL: FOR UPDATE
    SKIP LOCKED; SQLite: the conditional claim), with the real clock."""
    import os
    import subprocess
    import sys

    from plugin.storage.sealed import key_from_secret

    soon = datetime.now(UTC) + timedelta(days=2)
    first = seed(capp, scheduled_at=soon)
    with capp.app_context():
        for _ in range(9):
            db.session.add(
                Conversation(
                    tenant_id=TENANT,
                    kind="mus",
                    employee_id=first.employee_id,
                    manager_id=first.manager_id,
                    created_by_id=first.manager_id,
                    template_key="mus-default",
                    scheduled_at=soon,
                )
            )
        db.session.commit()
    settings = capp.extensions["mus.settings"]
    env = {
        **os.environ,
        "MUS_DATABASE_URL": settings.database_url,
        "MUS_SECRET_KEY": settings.secret_key,
        "MUS_DATA_KEYS": key_from_secret(settings.secret_key),
        "MUS_CLIENT_ID": CLIENT_ID,
        "MUS_CLIENT_SECRET": settings.client_secret,
        "MUS_TENANTS": TENANT,
        "MUS_APP_DOMAIN": settings.app_domain,
        "MUS_AUTHORITY_HOST": settings.authority_host,
        "MUS_GRAPH_URL": settings.graph_url,
        "REQUESTS_CA_BUNDLE": settings.ca_bundle,
        "MUS_REMINDER_SENDER": SENDER,
        "MUS_JOBS": "0",
        "MUS_INSTANCE_PATH": str(tmp_path / "cli"),
    }
    log = Log(cloud)
    mus = str(Path(sys.executable).parent / "mus")
    processes = [
        subprocess.Popen(
            [mus, "reminders", "send"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    sent = log.new()
    stored = rows(capp)
    assert len(stored) == 20 and {r.status for r in stored} == {"sent"}
    assert len(sent) == 20
    assert sorted(n["chain_id"] for n in sent) == sorted(r.id for r in stored)
    assert "claimed" in outputs[0][0] and "claimed" in outputs[1][0]


def test_i_see_only_the_reminders_sent_to_me(api, people, conversation, app):
    from tests.test_agreements_api import decide, draft, start_meeting, write_notes

    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 6, "Kursus")
    start_meeting(api, people, conversation)
    assert draft(api, people["manager"], cid).status_code == 201
    assert decide(api, people["employee"], cid, 1, "approved").status_code == 200
    assert api.as_(people["manager"]).get("/api/me/reminders").get_json() == {"items": []}  # not sent yet
    with app.app_context():
        reminder = db.session.scalar(select(Reminder))
        reminder.status, reminder.channel, reminder.sent_at = "sent", "mail", NOW
        db.session.commit()
    mine = api.as_(people["manager"]).get("/api/me/reminders")
    assert mine.status_code == 200
    assert mine.get_json() == {
        "items": [
            {"conversation_id": cid, "kind": "approved", "channel": "mail", "sent_at": "2027-03-01T08:00:00Z"}
        ]
    }
    for other in ("employee", "colleague", "outsider"):
        assert api.as_(people[other]).get("/api/me/reminders").get_json() == {"items": []}
    assert api.as_(None).get("/api/me/reminders").status_code == 401


def test_a_stored_reminder_that_went_stale_is_dropped_not_sent(capp, cloud, clock):
    conversation = seed(capp)
    log = Log(cloud)
    with capp.app_context():
        service.enqueue_due(new_unit_of_work(capp), clock.now)
        moved = db.session.get(Conversation, conversation.id)
        moved.scheduled_at = NOW + timedelta(days=4)  # moved to another day before the send
        db.session.commit()
        uow = new_unit_of_work(capp)
        with uow:
            ids = store.claim(
                uow.session, holder="t", now=clock.now, until=clock.now + service.CLAIM_FOR, limit=10
            )
        report = service.RunReport()
        service.send_claimed(uow, ids, lambda _tenant: None, holder="t", report=report)
    assert report.failed == 2 and log.new() == []
    assert {(r.status, r.last_error, r.occasion) for r in rows(capp)} == {("failed", "gone", "2027-03-03")}
    # The next run stores and sends the reminders of the new date.
    run(capp)
    assert sorted(n["recipient"] for n in log.new()) == sorted([oid("manager"), oid("employee")])
    assert {r.occasion for r in rows(capp) if r.status == "sent"} == {"2027-03-05"}


def test_an_overdue_check_in_by_the_cadence_reminds_the_manager_once(capp, cloud, clock):
    """Jonas's last check-in was held seven weeks ago and the organisation's default is every six
    weeks: Mette (who plans check-ins) is reminded once; planning one makes the reminder stale."""
    held = seed(capp, kind="checkin", scheduled_at=NOW - timedelta(weeks=7))
    with capp.app_context():
        conversation = db.session.get(Conversation, held.id)
        conversation.status = "reviewing"
        conversation.meeting_ended_at = NOW - timedelta(weeks=7)
        conversation.created_at = NOW - timedelta(weeks=8)
        db.session.commit()
    log = Log(cloud)
    run(capp)
    run(capp)  # a second run stores nothing new and sends nothing twice
    sent = [n for n in log.new() if n["activity_type"] == "checkInOverdue"]
    assert [n["recipient"] for n in sent] == [oid("manager")]
    assert "Jonas Medarbejder" in sent[0]["preview"]  # named, in Mette's Danish
    assert "overskredet" in sent[0]["preview"] or "overskredet" in sent[0]["topic"]["value"]
    [stored] = [r for r in rows(capp) if r.kind == "check_in_overdue"]
    due = (NOW - timedelta(weeks=7) + timedelta(weeks=6)).date()
    assert stored.occasion == due.isoformat() and stored.status == "sent"


def test_a_check_in_planned_meanwhile_makes_the_overdue_reminder_stale(capp, cloud, clock):
    held = seed(capp, kind="checkin", scheduled_at=NOW - timedelta(weeks=7))
    with capp.app_context():
        conversation = db.session.get(Conversation, held.id)
        conversation.status = "reviewing"
        conversation.created_at = NOW - timedelta(weeks=8)
        db.session.commit()
        assert service.enqueue_due(new_unit_of_work(capp), NOW) == 1  # stored, not sent yet
        assert service.enqueue_due(new_unit_of_work(capp), NOW) == 0  # the same key is not stored twice
        stored = db.session.scalars(select(Reminder).where(Reminder.kind == "check_in_overdue")).all()
        assert [r.status for r in stored] == ["pending"]
        later = Conversation(
            tenant_id=TENANT,
            kind="checkin",
            employee_id=conversation.employee_id,
            manager_id=conversation.manager_id,
            created_by_id=conversation.manager_id,
            template_key="checkin-default",
            scheduled_at=NOW + timedelta(days=3),
            created_at=NOW + timedelta(minutes=1),
        )
        db.session.add(later)
        db.session.commit()
    clock.now = NOW + timedelta(minutes=2)
    log = Log(cloud)
    run(capp)
    assert not [n for n in log.new() if n["activity_type"] == "checkInOverdue"]
