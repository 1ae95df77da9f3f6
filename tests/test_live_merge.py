"""Property: whatever two tabs do, in whatever order their edits, retries and deliveries interleave,
they converge to the same notes with no acknowledged edit lost; and a versioned field is never
silently overwritten (a stale write is refused with the current value, a fresh one wins).

Each tab has a Yjs document, an offline queue of updates not yet acknowledged (sent in order, each
with its own Idempotency-Key, kept until acknowledged, resent after a lost answer), and the live
channel: the conversation's event log, read from where the tab last was (as a reconnect does)."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from plugin.storage import AgendaItem, LiveEvent
from plugin.storage.db import db
from tests.support.live import NotesClient, b64

WHO = ("manager", "employee")
_counter = itertools.count()


@dataclass
class Tab:
    person: object
    client: NotesClient = field(default_factory=NotesClient)
    outbox: list[tuple[str, bytes]] = field(default_factory=list)  # (idempotency key, update)
    last_seq: int = 0
    title_version: int = 1
    acked: set[str] = field(default_factory=set)


operation = st.one_of(
    st.tuples(st.just("type"), st.sampled_from(WHO), st.floats(0, 1)),
    st.tuples(st.just("delete"), st.sampled_from(WHO), st.floats(0, 1)),
    st.tuples(st.just("send"), st.sampled_from(WHO), st.just(0.0)),
    st.tuples(st.just("send_lost"), st.sampled_from(WHO), st.just(0.0)),
    st.tuples(st.just("receive"), st.sampled_from(WHO), st.floats(0, 1)),
    st.tuples(st.just("title"), st.sampled_from(WHO), st.just(0.0)),
)


def _tokens(text: str) -> list[str]:
    return [f"[{part}" for part in text.split("[") if part]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, min_size=1, max_size=18))
def test_two_tabs_converge_and_no_acknowledged_edit_is_lost(app, api, people, ops):
    planned = api.as_(people["manager"]).post(
        "/api/conversations",
        json={"employee": {"object_id": people["employee"].oid}},
    )
    assert planned.status_code == 201
    conversation = planned.get_json()
    cid, item_id = conversation["id"], conversation["agenda"][0]["id"]
    updates_path = f"/api/conversations/{cid}/agenda/{item_id}/notes/updates"
    tabs = {key: Tab(people[key]) for key in WHO}
    typed: set[str] = set()
    deleted: set[str] = set()
    title = {"value": conversation["title"], "version": conversation["version"]}

    def send(tab: Tab, *, lose_answer: bool = False) -> None:
        if not tab.outbox:
            return
        key, update = tab.outbox[0]
        response = api.as_(tab.person).post(
            updates_path, json={"update": b64(update)}, headers={"Idempotency-Key": key}
        )
        assert response.status_code == 201, response.get_json()
        if not lose_answer:  # a lost answer: the tab keeps the update and sends it again later
            tab.outbox.pop(0)
            tab.acked.add(key)

    def receive(tab: Tab, fraction: float) -> None:
        with app.app_context():
            events = db.session.scalars(
                select(LiveEvent)
                .where(LiveEvent.conversation_id == cid, LiveEvent.seq > tab.last_seq)
                .order_by(LiveEvent.seq)
            ).all()
            events = events[: max(1, round(len(events) * fraction))] if events else []
            for event in events:
                assert event.seq == tab.last_seq + 1  # the log has no gaps
                tab.last_seq = event.seq
                if event.kind == "notes.update":
                    tab.client.apply(event.data["update"])
                elif event.kind == "conversation.updated":
                    tab.title_version = max(tab.title_version, event.data["version"])

    for op, who, x in ops:
        tab = tabs[who]
        if op == "type":
            token = f"[{who[0]}{next(_counter)}]"
            boundaries = list(itertools.accumulate((len(t) for t in _tokens(str(tab.client))), initial=0))
            position = boundaries[min(int(x * len(boundaries)), len(boundaries) - 1)]
            tab.outbox.append((f"k{next(_counter)}", tab.client.insert(position, token)))
            typed.add(token)
        elif op == "delete":
            visible = _tokens(str(tab.client))
            if visible:
                victim = visible[min(int(x * len(visible)), len(visible) - 1)]
                start = str(tab.client).index(victim)
                tab.outbox.append((f"k{next(_counter)}", tab.client.delete(start, start + len(victim))))
                deleted.add(victim)
        elif op in ("send", "send_lost"):
            send(tab, lose_answer=op == "send_lost")
        elif op == "receive":
            receive(tab, x)
        elif op == "title":
            new = f"Titel {next(_counter)}"
            response = api.as_(tab.person).patch(
                f"/api/conversations/{cid}", json={"title": new, "version": tab.title_version}
            )
            if tab.title_version == title["version"]:
                assert response.status_code == 200
                title.update(value=new, version=response.get_json()["version"])
            else:  # stale: refused, with the current value; nothing overwritten
                assert response.status_code == 409
                current = response.get_json()["error"]["current"]
                assert (current["title"], current["version"]) == (title["value"], title["version"])
            tab.title_version = title["version"]

    # Back online: every queued edit is sent, every event received.
    for tab in tabs.values():
        while tab.outbox:
            send(tab)
    for tab in tabs.values():
        receive(tab, 1.0)

    note = api.as_(people["employee"]).get(f"/api/conversations/{cid}/agenda/{item_id}/notes").get_json()
    texts = {str(tab.client) for tab in tabs.values()}
    assert texts == {note["text"]}, "the tabs did not converge"
    final = _tokens(note["text"])
    assert sorted(final) == sorted(typed - deleted), "an edit was lost or a deleted word came back"
    assert len(final) == len(set(final))  # no edit applied twice
    with app.app_context():
        assert db.session.get(AgendaItem, item_id).notes == note["text"]
        merged = NotesClient()
        merged.apply(base64.b64decode(note["state"]))
        assert str(merged) == note["text"]
    shown = api.as_(people["manager"]).get(f"/api/conversations/{cid}").get_json()
    assert (shown["title"], shown["version"]) == (title["value"], title["version"])
