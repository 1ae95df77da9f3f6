"""The live channel: server-sent events per conversation, published after commit, numbered per
conversation, replayed from Last-Event-ID, for the two parties only, and never with private things."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import plugin.live
from plugin.domain.events import Event
from plugin.live import log as event_log
from plugin.storage import LiveEvent, LiveStream
from plugin.storage.db import db
from tests.support.idp import TENANT_A
from tests.support.live import WAIT_SECONDS, SseParser, read_until


@pytest.fixture
def live_app(app):
    app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
    yield app
    plugin.live.shutdown(app)


class Stream:
    """A live stream read through the Flask test client (the generator runs in this thread)."""

    def __init__(self, app, person, cid, *, last_event_id=None, query=""):
        headers = {"Authorization": f"Bearer {person.token}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.response = app.test_client().get(
            f"/api/conversations/{cid}/live{query}", headers=headers, buffered=False
        )
        self.parser = SseParser()
        self.seen = []
        self.chunks = iter(self.response.response)

    def until(self, predicate, timeout=WAIT_SECONDS):
        return read_until(self.chunks, self.parser, predicate, self.seen, timeout)

    def ready(self):
        return self.until(lambda seen: any(e.event == "ready" for e in seen))

    def kinds(self):
        return [e.event for e in self.seen]

    def drain(self, seconds=0.3):
        """Read for a while (keep-alives come every 0.05 s), to prove nothing more arrives."""
        import time

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.seen.extend(self.parser.feed(next(self.chunks)))
        return self.seen

    def close(self):
        self.response.close()


def _rename(api, person, cid, title):
    current = api.as_(person).get(f"/api/conversations/{cid}").get_json()
    response = api.as_(person).patch(
        f"/api/conversations/{cid}", json={"title": title, "version": current["version"]}
    )
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_stream_starts_with_a_comment_a_retry_hint_and_ready_and_is_not_buffered(
    live_app, people, conversation
):
    stream = Stream(live_app, people["employee"], conversation["id"])
    assert stream.response.status_code == 200
    assert stream.response.mimetype == "text/event-stream"
    assert stream.response.headers["X-Accel-Buffering"] == "no"
    assert "no-cache" in stream.response.headers["Cache-Control"]
    first = next(stream.chunks)
    assert first.startswith(b": connected\n\n")
    stream.seen.extend(stream.parser.feed(first))
    stream.ready()
    assert stream.parser.retry == 2000
    ready = next(e for e in stream.seen if e.event == "ready")
    assert ready.json == {"seq": 0, "replayed": 0} and ready.id == "0"
    stream.drain(0.2)
    assert "keep-alive" in stream.parser.comments
    stream.close()


def test_only_the_two_parties_may_open_the_stream(api, live_app, people, conversation):
    path = f"/api/conversations/{conversation['id']}/live"
    assert api.get(path).status_code == 401
    refused = api.as_(people["colleague"]).get(path)
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (403, "not_a_party")
    assert api.as_(people["outsider"]).get(path).status_code == 404
    assert api.as_(people["manager"]).get("/api/conversations/999999/live").status_code == 404
    bad = api.as_(people["manager"]).get(path, headers={"Last-Event-ID": "abc"})
    assert (bad.status_code, bad.get_json()["error"]["code"]) == (422, "live_event_id_invalid")
    assert api.as_(people["manager"]).get(path + "?after=-1").status_code == 422
    assert live_app.extensions["mus.live"].count() == 0  # nothing was left registered


def test_the_document_declares_the_stream(api):
    document = api.checker.document
    operation = document["paths"]["/api/conversations/{conversation_id}/live"]["get"]
    assert list(operation["responses"]["200"]["content"]) == ["text/event-stream"]
    headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
    assert headers == ["Last-Event-ID"]
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {"after"}


def test_committed_changes_arrive_in_order_and_a_reconnect_replays_what_was_missed(
    api, live_app, people, conversation
):
    cid = conversation["id"]
    manager, employee = people["manager"], people["employee"]
    stream = Stream(live_app, employee, cid)
    stream.ready()
    _rename(api, manager, cid, "MUS 2026")
    added = api.as_(manager).post(f"/api/conversations/{cid}/agenda", json={"title": "Ekstra"}).get_json()
    stream.until(lambda seen: "agenda_item.added" in [e.event for e in seen])
    live = [e for e in stream.seen if e.id and e.event not in ("ready",)]
    assert [(e.event, e.id) for e in live] == [("conversation.updated", "1"), ("agenda_item.added", "2")]
    assert live[1].json == {
        "seq": 2,
        "kind": "agenda_item.added",
        "conversation_id": cid,
        "data": {"id": added["id"]},
    }
    stream.close()  # the network drops

    _rename(api, manager, cid, "MUS 2026 (flyttet)")
    api.as_(employee).post(
        f"/api/conversations/{cid}/agenda/{added['id']}/talking-points", json={"text": "Kurser"}
    )
    again = Stream(live_app, employee, cid, last_event_id=live[-1].id)
    again.ready()
    replayed = [(e.event, e.id) for e in again.seen if e.event != "ready"]
    assert replayed == [("conversation.updated", "3"), ("talking_point.added", "4")]
    assert next(e for e in again.seen if e.event == "ready").json == {"seq": 4, "replayed": 2}
    again.close()

    # ?after= when the header cannot be sent; the header wins when both are given.
    by_query = Stream(live_app, employee, cid, query="?after=2")
    by_query.ready()
    assert [e.id for e in by_query.seen if e.event != "ready"] == ["3", "4"]
    by_query.close()
    both = Stream(live_app, employee, cid, last_event_id=3, query="?after=0")
    both.ready()
    assert [e.id for e in both.seen if e.event != "ready"] == ["4"]
    both.close()


def test_a_refused_change_is_not_announced_and_takes_no_number(api, live_app, people, conversation, events):
    cid = conversation["id"]
    stream = Stream(live_app, people["employee"], cid)
    stream.ready()
    stale = api.as_(people["manager"]).patch(f"/api/conversations/{cid}", json={"title": "x", "version": 99})
    assert stale.status_code == 409
    _rename(api, people["manager"], cid, "Efter konflikten")
    stream.until(lambda seen: any(e.event == "conversation.updated" for e in seen))
    assert [e.id for e in stream.seen if e.event == "conversation.updated"] == ["1"]
    assert [e.kind for e in events] == ["conversation.updated"]
    stream.close()


def test_a_position_older_than_the_log_or_unknown_gets_a_refresh(api, live_app, people, conversation):
    cid = conversation["id"]
    for n in range(4):
        _rename(api, people["manager"], cid, f"Titel {n}")
    with live_app.app_context():
        event_log.prune(db.session, cid, through=2)
        db.session.commit()
        assert db.session.scalars(select(LiveEvent.seq).where(LiveEvent.conversation_id == cid)).all() == [
            3,
            4,
        ]
    stream = Stream(live_app, people["employee"], cid, last_event_id=1)
    stream.ready()
    refresh = next(e for e in stream.seen if e.event == "refresh")
    assert (refresh.id, refresh.json) == ("4", {"seq": 4, "reason": "pruned"})
    assert [e.event for e in stream.seen] == ["refresh", "ready"]
    stream.close()
    # From the oldest kept position, the rest is replayed.
    ok = Stream(live_app, people["employee"], cid, last_event_id=2)
    ok.ready()
    assert [e.id for e in ok.seen if e.event != "ready"] == ["3", "4"]
    ok.close()
    # A position this conversation never reached (another database, a bug): refresh.
    unknown = Stream(live_app, people["employee"], cid, last_event_id=77)
    unknown.ready()
    assert (unknown.seen[0].event, unknown.seen[0].json["reason"]) == ("refresh", "unknown")
    unknown.close()


def test_the_log_is_pruned_as_it_grows(api, live_app, people, conversation, monkeypatch):
    monkeypatch.setattr(event_log, "LOG_KEEP", 3)
    monkeypatch.setattr(event_log, "LOG_PRUNE_EVERY", 2)
    cid = conversation["id"]
    for n in range(7):
        _rename(api, people["manager"], cid, f"Titel {n}")
    with live_app.app_context():
        kept = db.session.scalars(select(LiveEvent.seq).where(LiveEvent.conversation_id == cid)).all()
        stream_row = db.session.get(LiveStream, cid)
        assert (stream_row.last_seq, stream_row.pruned_through) == (7, 3)
        assert sorted(kept) == [4, 5, 6, 7]


def test_a_private_pulse_reaches_its_author_only_and_leaves_no_trace_for_the_other(
    api, live_app, people, conversation
):
    cid = conversation["id"]
    employee, manager = people["employee"], people["manager"]
    theirs = Stream(live_app, manager, cid)
    mine = Stream(live_app, employee, cid)
    theirs.ready()
    mine.ready()
    secret = api.as_(employee).post(
        f"/api/conversations/{cid}/wellbeing", json={"score": 2, "comment": "træt"}
    )
    assert secret.status_code == 201
    shared = api.as_(employee).post(f"/api/conversations/{cid}/wellbeing", json={"score": 4, "shared": True})
    mine.until(lambda seen: sum(e.event == "wellbeing.added" for e in seen) == 2)
    own = [e for e in mine.seen if e.event == "wellbeing.added"]
    assert [(e.id, e.json["data"]) for e in own] == [
        (None, {"id": secret.get_json()["id"], "shared": False}),  # not numbered, not logged
        ("1", {"id": shared.get_json()["id"], "shared": True}),
    ]
    theirs.until(lambda seen: any(e.event == "wellbeing.added" for e in seen))
    theirs.drain(0.2)
    other = [e for e in theirs.seen if e.event == "wellbeing.added"]
    assert [(e.id, e.json["data"]["id"]) for e in other] == [("1", shared.get_json()["id"])]
    assert "træt" not in "".join(e.data for e in theirs.seen)
    with live_app.app_context():
        logged = db.session.scalars(select(LiveEvent).where(LiveEvent.conversation_id == cid)).all()
        assert [(e.seq, e.data) for e in logged] == [(1, {"id": shared.get_json()["id"], "shared": True})]
    theirs.close()
    mine.close()


def test_no_database_connection_is_held_while_streaming(live_app, people, conversation):
    stream = Stream(live_app, people["employee"], conversation["id"])
    stream.ready()
    stream.drain(0.1)
    with live_app.app_context():
        assert db.engine.pool.checkedout() == 0
    stream.close()
    assert live_app.extensions["mus.live"].count() == 0


def test_events_out_of_order_or_lost_by_the_broker_are_filled_from_the_log(
    api, live_app, people, conversation, monkeypatch
):
    cid = conversation["id"]
    broker = live_app.extensions["mus.broker"]
    stream = Stream(live_app, people["employee"], cid)
    stream.ready()
    # Two commits whose publications are lost (a broker hiccup): the third arrives with a gap.
    with monkeypatch.context() as lost:
        lost.setattr(broker, "publish", lambda event: None)
        _rename(api, people["manager"], cid, "Tabt 1")
        _rename(api, people["manager"], cid, "Tabt 2")
    _rename(api, people["manager"], cid, "Kommer frem")
    stream.until(lambda seen: any(e.id == "3" for e in seen))
    assert [e.id for e in stream.seen if e.event == "conversation.updated"] == ["1", "2", "3"]
    # A duplicate publication (the log and the broker both delivered it) is sent once.
    broker.publish(Event(TENANT_A, cid, "conversation.updated", {"version": 0}, seq=2))
    stream.drain(0.15)
    assert [e.id for e in stream.seen if e.event == "conversation.updated"] == ["1", "2", "3"]
    stream.close()


def test_the_watchdog_delivers_an_event_the_broker_lost_without_a_later_one(
    api, live_app, people, conversation, monkeypatch
):
    cid = conversation["id"]
    hub = live_app.extensions["mus.live"]
    hub.watchdog_seconds = 0.1
    broker = live_app.extensions["mus.broker"]
    stream = Stream(live_app, people["employee"], cid)
    stream.ready()
    with monkeypatch.context() as lost:
        lost.setattr(broker, "publish", lambda event: None)
        _rename(api, people["manager"], cid, "Kun i loggen")
    stream.until(lambda seen: any(e.event == "conversation.updated" for e in seen))
    assert [e.id for e in stream.seen if e.event == "conversation.updated"] == ["1"]
    stream.close()


def test_the_stream_ends_after_its_maximum_time(live_app, people, conversation):
    live_app.config["MUS_LIVE_MAX_SECONDS"] = 0.2
    stream = Stream(live_app, people["employee"], conversation["id"])
    chunks = list(stream.chunks)  # ends by itself
    text = b"".join(chunks).decode()
    assert text.startswith(": connected") and "event: ready" in text
    stream.close()
    assert live_app.extensions["mus.live"].count() == 0


def test_closing_the_hub_ends_open_streams(live_app, people, conversation):
    stream = Stream(live_app, people["employee"], conversation["id"])
    stream.ready()
    live_app.extensions["mus.live"].close()
    rest = list(stream.chunks)
    assert all(chunk.startswith(b":") for chunk in rest)
    stream.close()


def test_a_process_holding_its_maximum_of_streams_answers_busy(api, live_app, people, conversation):
    live_app.extensions["mus.live"].max_streams = 1
    first = Stream(live_app, people["employee"], conversation["id"])
    first.ready()
    busy = api.as_(people["manager"]).get(f"/api/conversations/{conversation['id']}/live")
    assert (busy.status_code, busy.get_json()["error"]["code"]) == (503, "live_busy")
    first.close()
    second = Stream(live_app, people["manager"], conversation["id"])
    second.ready()  # a place became free
    second.close()


def test_ending_a_conversations_streams_ends_only_those_and_the_tab_resumes(
    api, live_app, people, conversation
):
    cid = conversation["id"]
    hub = live_app.extensions["mus.live"]
    stream = Stream(live_app, people["employee"], cid)
    stream.ready()
    assert hub.end_streams(cid + 1000) == 0
    assert hub.end_streams(cid) == 1
    with pytest.raises(StopIteration):
        while True:
            next(stream.chunks)  # the stream ends (after nothing more than keep-alives)
    stream.close()
    assert hub.count() == 0
    _rename(api, people["manager"], cid, "Efter afbrydelsen")
    again = Stream(live_app, people["employee"], cid, last_event_id=0)
    again.ready()
    assert [e.event for e in again.seen if e.event != "ready"] == ["conversation.updated"]
    again.close()
