"""Consent enforced end to end: the agreement's summaries, the notes removed at the lock everywhere,
the retention rule of every kind of content, and the lease that lets one purger run at a time."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text, update

from plugin.services import retention
from plugin.storage import (
    AgendaItem,
    AgreementVersion,
    Conversation,
    DevelopmentAction,
    FeedbackEntry,
    Goal,
    IdempotencyRecord,
    LiveEvent,
    MaintenanceLease,
    NoteDocument,
    PreparationItem,
    Reminder,
    WellbeingPulse,
)
from plugin.storage.db import db
from plugin.storage.locks import take_lease
from plugin.storage.setup import new_unit_of_work

T0 = datetime(2030, 1, 10, 9, 0, tzinfo=UTC)
CANARY = "kanariefugl-7f3a9c"


@pytest.fixture
def clock(app):
    def set_to(**delta) -> datetime:
        moment = T0 + timedelta(**delta)
        app.extensions["mus.clock"] = lambda: moment
        return moment

    set_to()
    return set_to


def url(cid: int, suffix: str = "") -> str:
    return f"/api/conversations/{cid}{suffix}"


def write_notes(api, person, cid: int, index: int, notes: str) -> None:
    client = api.as_(person)
    item = client.get(url(cid)).get_json()["agenda"][index]
    response = client.patch(
        url(cid, f"/agenda/{item['id']}"), json={"version": item["version"], "notes": notes}
    )
    assert response.status_code == 200, response.get_json()


def keep_notes(api, people, cid: int, employee: bool, manager: bool) -> None:
    for key, value in (("employee", employee), ("manager", manager)):
        response = api.as_(people[key]).put(
            url(cid, "/consent"), json={"kind": "keep_shared_notes", "value": value}
        )
        assert response.status_code == 200


def start_and_draft(api, people, conversation) -> dict:
    cid = conversation["id"]
    mgr = api.as_(people["manager"])
    moved = mgr.post(
        url(cid, "/transition"), json={"status": "in_meeting", "version": conversation["version"]}
    )
    assert moved.status_code == 200, moved.get_json()
    drafted = mgr.post(url(cid, "/agreement"))
    assert drafted.status_code == 201, drafted.get_json()
    return drafted.get_json()


def summaries(api, person, cid: int) -> dict:
    response = api.as_(person).get(url(cid, "/agreement/summaries"))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def put_summary(api, person, cid: int, item: dict, text: str, *, base: str | None = None, version=None):
    return api.as_(person).put(
        url(cid, f"/agreement/summaries/{item['item_id']}"),
        json={
            "version": item["version"] if version is None else version,
            "base": item["text"] if base is None else base,
            "text": text,
        },
    )


def approve_latest(api, people, cid: int) -> dict:
    number = api.as_(people["employee"]).get(url(cid, "/agreement")).get_json()["items"][0]["number"]
    for key in ("employee", "manager"):
        response = api.as_(people[key]).post(
            url(cid, f"/agreement/{number}/decision"), json={"decision": "approved"}
        )
        assert response.status_code == 200, response.get_json()
    return response.get_json()


def purge(app, **kwargs) -> retention.PurgeReport:
    with app.app_context():
        return retention.do_purge(new_unit_of_work(app), **kwargs)


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def set_updated_at(app, cid: int, moment: datetime) -> None:
    with app.app_context():
        db.session.execute(update(Conversation).where(Conversation.id == cid).values(updated_at=moment))
        db.session.commit()


# --- Summaries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("employee,manager", [(True, False), (False, True), (False, False)])
def test_summary_starts_empty_unless_both_keep_the_notes(api, people, conversation, employee, manager):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 2, "Noter om trivsel")
    keep_notes(api, people, cid, employee, manager)
    version = start_and_draft(api, people, conversation)
    listing = summaries(api, people["manager"], cid)
    assert listing["keep_notes"] is False
    assert [s["text"] for s in listing["items"]] == [""] * len(listing["items"])
    assert version["snapshot"]["agenda"][2]["summary"] == ""
    assert "Noter om trivsel" not in str(version)


def test_summary_is_prefilled_from_the_notes_when_both_keep_them(api, people, conversation):
    cid = conversation["id"]
    write_notes(api, people["employee"], cid, 2, "Noter om trivsel")
    keep_notes(api, people, cid, True, True)
    version = start_and_draft(api, people, conversation)
    listing = summaries(api, people["employee"], cid)
    assert listing["keep_notes"] is True
    assert listing["items"][2]["text"] == "Noter om trivsel"
    assert version["snapshot"]["agenda"][2]["summary"] == "Noter om trivsel"
    assert "notes" not in version["snapshot"]["agenda"][2]


def test_stale_summary_writes_are_merged_character_by_character(api, people, conversation):
    cid = conversation["id"]
    start_and_draft(api, people, conversation)
    item = summaries(api, people["employee"], cid)["items"][1]
    first = put_summary(api, people["employee"], cid, item, "Vi aftaler et kursus.")
    assert first.status_code == 200
    base = first.get_json()
    theirs = put_summary(api, people["employee"], cid, base, "Vi aftaler et kursus i foråret.")
    assert theirs.status_code == 200
    # The manager started from the same text, before the employee's second save.
    mine = put_summary(api, people["manager"], cid, base, "Vi aftaler et Python-kursus.")
    assert mine.status_code == 200, mine.get_json()
    merged = mine.get_json()
    assert merged["merged"] is True
    assert merged["text"] == "Vi aftaler et Python-kursus i foråret."
    assert merged["version"] == theirs.get_json()["version"] + 1


def test_summary_edit_after_one_approval_resets_the_approvals(api, people, conversation):
    cid = conversation["id"]
    start_and_draft(api, people, conversation)
    emp = api.as_(people["employee"])
    assert emp.post(url(cid, "/agreement/1/decision"), json={"decision": "approved"}).status_code == 200
    item = summaries(api, people["manager"], cid)["items"][0]
    edited = put_summary(api, people["manager"], cid, item, "Nyt resumé")
    assert edited.get_json()["agreement_number"] == 2
    latest = emp.get(url(cid, "/agreement")).get_json()["items"][0]
    assert (latest["number"], latest["state"], latest["decisions"]) == (2, "draft", [])
    assert latest["snapshot"]["agenda"][0]["summary"] == "Nyt resumé"
    # An unchanged write opens nothing.
    again = summaries(api, people["manager"], cid)["items"][0]
    assert put_summary(api, people["manager"], cid, again, "Nyt resumé").get_json()["agreement_number"] == 2


@pytest.mark.parametrize(
    "body,status,code",
    [
        ({"version": 1, "text": "x"}, 422, "field_invalid"),
        ({"version": 0, "base": "", "text": "x"}, 422, "field_invalid"),
        ({"version": 1, "base": "", "text": 5}, 422, "field_invalid"),
        ({"version": 1, "base": "", "text": "x", "extra": 1}, 422, "unknown_field"),
    ],
)
def test_bad_summary_writes_are_clear_4xx(api, people, conversation, body, status, code):
    cid = conversation["id"]
    start_and_draft(api, people, conversation)
    item = summaries(api, people["employee"], cid)["items"][0]
    response = api.as_(people["employee"]).put(url(cid, f"/agreement/summaries/{item['item_id']}"), json=body)
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code


def test_summary_before_a_draft_is_409_and_of_another_conversation_404(api, people, conversation):
    cid = conversation["id"]
    item_id = api.as_(people["employee"]).get(url(cid)).get_json()["agenda"][0]["id"]
    early = put_summary(api, people["employee"], cid, {"item_id": item_id, "version": 1, "text": ""}, "x")
    assert early.status_code == 409
    assert early.get_json()["error"]["code"] == "agreement_not_ready"
    other = (
        api.as_(people["manager"])
        .post("/api/conversations", json={"employee": {"object_id": people["employee"].oid}})
        .get_json()
    )
    wrong = put_summary(
        api, people["employee"], other["id"], {"item_id": item_id, "version": 1, "text": ""}, "x"
    )
    assert wrong.status_code == 404
    outsider = api.as_(people["colleague"]).get(url(cid, "/agreement/summaries"))
    assert outsider.status_code == 403


# --- Follow-ups co-edited ----------------------------------------------------------------------


def add_follow_up(api, person, cid: int, title: str, due_on: str) -> dict:
    response = api.as_(person).post(url(cid, "/follow-ups"), json={"title": title, "due_on": due_on})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_follow_up_title_edits_merge_and_date_conflicts_are_409(api, people, conversation):
    cid = conversation["id"]
    start_and_draft(api, people, conversation)
    base = add_follow_up(api, people["manager"], cid, "Opfølgning på kursus", "2030-03-01")
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    started = {"title": base["title"], "due_on": base["due_on"]}
    theirs = emp.patch(
        url(cid, f"/follow-ups/{base['id']}"),
        json={"version": base["version"], "base": started, "title": "Opfølgning på Python-kursus"},
    )
    assert theirs.status_code == 200, theirs.get_json()
    mine = mgr.patch(
        url(cid, f"/follow-ups/{base['id']}"),
        json={"version": base["version"], "base": started, "title": "Opfølgning på kursus og mål"},
    )
    assert mine.status_code == 200, mine.get_json()
    assert mine.get_json()["title"] == "Opfølgning på Python-kursus og mål"

    # Both move the date from the same starting point: a conflict, nothing applied.
    fresh = mine.get_json()
    started = {"title": fresh["title"], "due_on": fresh["due_on"]}
    moved = emp.patch(
        url(cid, f"/follow-ups/{base['id']}"),
        json={"version": fresh["version"], "base": started, "due_on": "2030-04-01"},
    )
    assert moved.status_code == 200
    clash = mgr.patch(
        url(cid, f"/follow-ups/{base['id']}"),
        json={"version": fresh["version"], "base": started, "due_on": "2030-05-01", "title": "Ny titel"},
    )
    assert clash.status_code == 409
    error = clash.get_json()["error"]
    assert error["code"] == "edit_conflict"
    assert error["current"]["due_on"] == "2030-04-01"
    assert error["current"]["title"] == "Opfølgning på Python-kursus og mål"
    [field] = error["fields"]
    assert (field["field"], field["theirs"], field["mine"]) == ("due_on", "2030-04-01", "2030-05-01")
    listing = emp.get(url(cid, "/follow-ups")).get_json()["items"]
    assert [(f["title"], f["due_on"]) for f in listing] == [
        ("Opfølgning på Python-kursus og mål", "2030-04-01")
    ]


def test_follow_up_edit_reaches_the_agreement_as_a_new_version(api, people, conversation):
    cid = conversation["id"]
    start_and_draft(api, people, conversation)
    base = add_follow_up(api, people["manager"], cid, "Status", "2030-03-01")
    approve_latest(api, people, cid)  # version 2 holds the follow-up (the add does not redraft: 1 then 2)
    listing = api.as_(people["employee"]).get(url(cid, "/agreement")).get_json()
    assert listing["conversation_status"] == "agreed"
    edited = api.as_(people["employee"]).patch(
        url(cid, f"/follow-ups/{base['id']}"),
        json={"version": base["version"], "base": {"due_on": base["due_on"]}, "due_on": "2030-06-01"},
    )
    assert edited.status_code == 200, edited.get_json()
    after = api.as_(people["employee"]).get(url(cid, "/agreement")).get_json()
    assert after["conversation_status"] == "reviewing"
    assert after["items"][0]["state"] == "draft"
    assert after["items"][0]["snapshot"]["follow_ups"] == [{"title": "Status", "due_on": "2030-06-01"}]


# --- Notes removed at the lock -----------------------------------------------------------------


def test_notes_not_kept_are_deleted_everywhere_when_the_agreement_is_locked(api, people, conversation, app):
    cid = conversation["id"]
    keep_notes(api, people, cid, True, False)
    write_notes(api, people["employee"], cid, 0, f"Medarbejderens {CANARY}")
    write_notes(api, people["manager"], cid, 3, f"Lederens {CANARY}")
    # A stored answer to a retried request that carries the notes (the agenda item).
    item_id = api.as_(people["employee"]).get(url(cid)).get_json()["agenda"][0]["id"]
    point = api.as_(people["employee"]).post(
        url(cid, f"/agenda/{item_id}/talking-points"),
        json={"text": "Et punkt"},
        headers={"Idempotency-Key": "tp-1"},
    )
    assert point.status_code == 201 and CANARY in point.get_data(as_text=True)
    start_and_draft(api, people, conversation)
    item = summaries(api, people["employee"], cid)["items"][0]
    assert put_summary(api, people["employee"], cid, item, "Vi aftalte mere fokus").status_code == 200

    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(NoteDocument)) == 2
        assert db.session.scalar(select(func.count()).select_from(LiveEvent)) > 0
        assert db.session.scalar(select(func.count()).select_from(IdempotencyRecord)) == 1

    locked = approve_latest(api, people, cid)
    assert locked["state"] == "agreed"
    assert CANARY not in str(locked)
    items = api.as_(people["manager"]).get(url(cid)).get_json()["agenda"]
    assert [(i["notes"], i["notes_removed"]) for i in (items[0], items[3])] == [("", True), ("", True)]
    with app.app_context():
        documents = db.session.scalars(select(NoteDocument.state)).all()
        assert len(documents) == 2 and all(CANARY.encode() not in state for state in documents)
        kinds = db.session.scalars(select(LiveEvent.kind).where(LiveEvent.conversation_id == cid)).all()
        assert not {"notes.update", "agenda_item.updated"} & set(kinds)
        assert db.session.scalar(select(func.count()).select_from(IdempotencyRecord)) == 0
        assert all(CANARY not in (i.notes or "") for i in db.session.scalars(select(AgendaItem)))
        assert all(CANARY not in str(v.snapshot) for v in db.session.scalars(select(AgreementVersion)))
    listing = api.as_(people["employee"]).get(url(cid, "/agreement")).get_json()
    assert CANARY not in str(listing)
    assert listing["items"][0]["snapshot"]["agenda"][0]["summary"] == "Vi aftalte mere fokus"
    # The retry of the stored request now runs again and gets no notes back.
    retry = api.as_(people["employee"]).post(
        url(cid, f"/agenda/{item_id}/talking-points"),
        json={"text": "Et punkt"},
        headers={"Idempotency-Key": "tp-1"},
    )
    assert CANARY not in retry.get_data(as_text=True)


def test_notes_both_kept_stay_after_the_lock(api, people, conversation, app):
    cid = conversation["id"]
    keep_notes(api, people, cid, True, True)
    write_notes(api, people["employee"], cid, 0, f"Beholdes {CANARY}")
    start_and_draft(api, people, conversation)
    approve_latest(api, people, cid)
    assert api.as_(people["manager"]).get(url(cid)).get_json()["agenda"][0]["notes"] == f"Beholdes {CANARY}"
    assert count(app, NoteDocument) == 1


def test_sqlite_connections_overwrite_deleted_content(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            assert db.engine.dialect.name == "postgresql"  # rows are deleted; VACUUM is the operator's
            return
        assert db.session.execute(text("PRAGMA secure_delete")).scalar() == 1


# --- Retention rules, kind by kind -------------------------------------------------------------


def fill(api, people, cid: int) -> None:
    """One of each kind of content in the conversation."""
    emp, mgr = api.as_(people["employee"]), api.as_(people["manager"])
    assert emp.post(url(cid, "/goals"), json={"title": "Lære Python"}).status_code == 201
    assert (
        mgr.post(url(cid, "/actions"), json={"kind": "course", "title": "Python-kursus"}).status_code == 201
    )
    assert (
        mgr.post(url(cid, "/feedback"), json={"kind": "recognition", "text": "Flot arbejde"}).status_code
        == 201
    )
    assert emp.post(url(cid, "/wellbeing"), json={"score": 4}).status_code == 201
    assert emp.post(url(cid, "/preparation"), json={"text": "Min forberedelse"}).status_code == 201


def test_meeting_content_goes_after_the_period_and_agreed_content_stays(
    api, people, conversation, app, clock
):
    cid = conversation["id"]
    fill(api, people, cid)
    keep_notes(api, people, cid, True, True)
    start_and_draft(api, people, conversation)
    approve_latest(api, people, cid)
    days = app.extensions["mus.settings"].retention_days

    clock(days=days - 1)
    early = purge(app)
    assert (early.pulses_deleted, early.preparation_deleted) == (0, 0)
    assert count(app, WellbeingPulse) == 1

    clock(days=days * 20)  # long idle, but agreed: the conversation stays
    report = purge(app)
    assert report.conversations_deleted == 0
    assert (report.pulses_deleted, report.preparation_deleted) == (1, 1)
    assert count(app, WellbeingPulse) == count(app, PreparationItem) == 0
    assert count(app, Goal) == count(app, DevelopmentAction) == count(app, FeedbackEntry) == 1
    assert count(app, AgreementVersion) == 1


def test_an_idle_unfinished_conversation_goes_whole(api, people, conversation, app, clock):
    cid = conversation["id"]
    fill(api, people, cid)
    write_notes(api, people["employee"], cid, 0, CANARY)
    start_and_draft(api, people, conversation)
    days = app.extensions["mus.settings"].retention_days
    now = clock(days=days + 1)
    set_updated_at(app, cid, now - timedelta(days=days - 1))
    with app.app_context():  # recent activity elsewhere keeps it too
        db.session.execute(update(AgendaItem).where(AgendaItem.conversation_id == cid).values(updated_at=now))
        db.session.commit()
    assert purge(app).conversations_deleted == 0

    with app.app_context():  # a reminder stored for it (ids only) goes with it
        db.session.add(
            Reminder(
                tenant_id=db.session.get(Conversation, cid).tenant_id,
                key=f"prepare:{cid}:test",
                kind="prepare",
                subject="conversation",
                subject_id=cid,
                conversation_id=cid,
                recipient_id=1,
                other_id=2,
                occasion="test",
            )
        )
        db.session.commit()
    assert count(app, Reminder) == 1
    clock(days=2 * days + 2)
    assert purge(app).conversations_deleted == 1
    assert count(app, Reminder) == 0
    for model in (Conversation, Goal, DevelopmentAction, FeedbackEntry, WellbeingPulse, PreparationItem):
        assert count(app, model) == 0, model
    assert count(app, AgendaItem) == count(app, NoteDocument) == count(app, LiveEvent) == 0
    assert count(app, AgreementVersion) == 0


def test_planned_conversations_wait_for_their_time(api, people, app, clock):
    planned = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}, "scheduled_at": "2030-06-01T09:00:00Z"},
    )
    assert planned.status_code == 201, planned.get_json()
    days = app.extensions["mus.settings"].retention_days
    clock(days=days * 3)  # idle long, but planned for June 2030 + the period
    assert purge(app).conversations_deleted == 0
    clock(days=200)
    assert purge(app).conversations_deleted == 1


def test_event_log_and_stored_answers_expire_after_a_day(api, people, conversation, app, clock):
    cid = conversation["id"]
    keep_notes(api, people, cid, True, True)
    response = api.as_(people["manager"]).post(
        url(cid, "/follow-ups"),
        json={"title": "Status", "due_on": "2030-03-01"},
        headers={"Idempotency-Key": "f-1"},
    )
    assert response.status_code == 201
    set_updated_at(app, cid, T0)
    with app.app_context():
        db.session.execute(update(LiveEvent).values(at=T0))
        db.session.execute(update(IdempotencyRecord).values(created_at=T0))
        db.session.commit()
    events = count(app, LiveEvent)
    assert events > 0

    clock(hours=23)
    report = purge(app)
    assert (report.events_deleted, report.responses_deleted) == (0, 0)
    clock(hours=24)
    report = purge(app)
    assert (report.events_deleted, report.responses_deleted) == (events, 1)
    assert count(app, LiveEvent) == count(app, IdempotencyRecord) == 0
    # A tab resuming from before gets a refresh: the log says how far it was pruned.
    live = api.as_(people["employee"]).get(url(cid, "/agreement"))
    assert live.status_code == 200


# --- The lease ---------------------------------------------------------------------------------


def test_two_purgers_at_once_purge_once(app, monkeypatch):
    holding, done = threading.Event(), threading.Event()
    runs: list[str] = []
    real_run = retention._run

    def slow_run(uow):
        runs.append(threading.current_thread().name)
        holding.set()
        assert done.wait(30)
        return real_run(uow)

    monkeypatch.setattr(retention, "_run", slow_run)
    results: dict[str, retention.PurgeReport] = {}

    def purger(name: str) -> None:
        results[name] = purge(app, holder=name)

    first = threading.Thread(target=purger, args=("a",), name="a")
    first.start()
    assert holding.wait(30)
    purger("b")  # while "a" purges
    done.set()
    first.join(30)
    assert runs == ["a"]
    assert (results["a"].ran, results["b"].ran) == (True, False)
    # Released when done: the next run goes ahead.
    monkeypatch.setattr(retention, "_run", real_run)
    assert purge(app, holder="b").ran is True


def test_concurrent_takes_of_the_lease_give_it_to_exactly_one(app):
    takers = 6
    barrier = threading.Barrier(takers)
    won: list[str] = []
    errors: list[BaseException] = []

    def take(name: str) -> None:
        try:
            with app.app_context():
                uow = new_unit_of_work(app)
                barrier.wait(30)
                with uow:
                    now = uow.now()
                    if take_lease(uow.session, "race", name, now, now + timedelta(minutes=5)):
                        won.append(name)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(f"t{i}",)) for i in range(takers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(won) == 1
    with app.app_context():
        assert db.session.get(MaintenanceLease, "race").holder == won[0]


def test_a_held_lease_expires(app, clock):
    assert purge(app, holder="scheduler-1", hold=timedelta(hours=1), release=False).ran is True
    clock(minutes=30)
    assert purge(app, holder="scheduler-2", hold=timedelta(hours=1), release=False).ran is False
    assert purge(app, holder="scheduler-1", hold=timedelta(hours=1), release=False).ran is True  # renews
    clock(minutes=89)
    assert purge(app, holder="scheduler-2", hold=timedelta(hours=1), release=False).ran is False
    clock(minutes=91)
    assert purge(app, holder="scheduler-2", hold=timedelta(hours=1), release=False).ran is True


def test_an_interrupted_purge_leaves_no_half_deleted_conversation(api, people, app, clock, monkeypatch):
    ids = []
    for _ in range(2):
        created = (
            api.as_(people["manager"])
            .post("/api/conversations", json={"employee": {"object_id": people["employee"].oid}})
            .get_json()
        )
        ids.append(created["id"])
        fill(api, people, created["id"])
        write_notes(api, people["employee"], created["id"], 0, "Noter")
    items_each = count(app, AgendaItem, AgendaItem.conversation_id == ids[1])
    clock(days=app.extensions["mus.settings"].retention_days * 2)

    calls = []
    real_record = retention.audit.record

    def failing_record(uow, actor, action, **detail):
        calls.append(action)
        if len(calls) == 2:  # the second conversation, after all its deletes
            raise RuntimeError("power cut")
        return real_record(uow, actor, action, **detail)

    monkeypatch.setattr(retention.audit, "record", failing_record)
    with pytest.raises(RuntimeError, match="power cut"):
        purge(app)
    assert count(app, Conversation, Conversation.id == ids[0]) == 0
    # The second is whole: every row of it is still there.
    assert count(app, Conversation, Conversation.id == ids[1]) == 1
    assert count(app, AgendaItem, AgendaItem.conversation_id == ids[1]) == items_each
    for model in (Goal, DevelopmentAction, FeedbackEntry, WellbeingPulse, PreparationItem):
        assert count(app, model, model.conversation_id == ids[1]) == 1, model
    # The lease was given back: the next run finishes the job.
    monkeypatch.setattr(retention.audit, "record", real_record)
    assert purge(app).conversations_deleted == 1
    assert count(app, Conversation) == 0


# --- The scheduler and the command -------------------------------------------------------------


def test_two_schedulers_purge_once_per_interval(app, clock):
    from plugin.scheduler import PurgeScheduler

    first = PurgeScheduler(app, timedelta(hours=1))
    second = PurgeScheduler(app, timedelta(hours=1))
    assert [first.run_once().ran, second.run_once().ran] == [True, False]
    clock(minutes=61)  # the holder's lease ran out: whoever comes first takes it
    assert [second.run_once().ran, first.run_once().ran] == [True, False]


def test_the_scheduler_thread_runs_the_purge_and_stops(app, monkeypatch):
    from plugin import scheduler as scheduler_module

    ran = threading.Event()
    real = retention.do_purge

    def observed(uow, **kwargs):
        report = real(uow, **kwargs)
        ran.set()
        return report

    monkeypatch.setattr(scheduler_module.retention, "do_purge", observed)
    running = scheduler_module.PurgeScheduler(app, timedelta(hours=1), first_delay=timedelta(0)).start()
    try:
        assert ran.wait(30)
    finally:
        running.stop()
    assert running._thread is None
    with app.app_context():
        assert db.session.get(MaintenanceLease, retention.LEASE).holder == running.holder


def test_the_scheduler_is_off_with_interval_zero(authority, tmp_path, settings):
    from plugin import create_app
    from plugin.scheduler import start_scheduler

    off = create_app(settings.with_changes(purge_interval_minutes=0))
    assert start_scheduler(off) is None
    assert "mus.scheduler" not in off.extensions


def test_mus_purge_says_when_another_process_holds_the_lease(app, clock):
    from plugin.cli import purge_command

    assert purge(app, holder="server-1", hold=timedelta(hours=1), release=False).ran
    result = app.test_cli_runner().invoke(purge_command)
    assert result.exit_code == 0, result.output
    assert "another process is purging now" in result.output
    clock(hours=2)
    result = app.test_cli_runner().invoke(purge_command)
    assert "unfinished conversations" in result.output


# --- The privacy page --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_privacy_page_states_every_rule(app, language):
    from markupsafe import escape

    from plugin.domain.retention import RULES, ContentKind, rule_key
    from plugin.i18n import catalogue

    body = app.test_client().get(f"/privacy?locale={language}").get_data(as_text=True)
    texts = catalogue(language)
    days = app.extensions["mus.settings"].retention_days
    assert set(RULES) == set(ContentKind)  # every kind has a rule
    for kind in RULES:
        assert f'data-kind="{kind.value}"' in body
        assert str(escape(texts[rule_key(kind)].format(days=days))) in body
