"""Shared notes as a CRDT: Yjs updates over HTTP, merged on the server under a row lock, stored before
the answer, sent to the other party; the versioned PATCH converges with them."""

from __future__ import annotations

import base64
import threading
import uuid
from datetime import timedelta
from urllib.parse import quote, unquote

import pytest
from pycrdt import Doc, Map
from sqlalchemy import select
from sqlalchemy import update as sql_update

import plugin.live
from plugin.services import retention
from plugin.storage import AgendaItem, Conversation, IdempotencyRecord, LiveEvent, NoteDocument
from plugin.storage.db import db
from plugin.storage.types import utcnow
from tests.support.live import NotesClient, SseParser, b64, read_until
from tests.support.statements import recorded


@pytest.fixture
def live_app(app):
    app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
    yield app
    plugin.live.shutdown(app)


@pytest.fixture
def item(conversation):
    return conversation["agenda"][0]


def notes_path(conversation, item):
    return f"/api/conversations/{conversation['id']}/agenda/{item['id']}/notes"


def send(api, person, conversation, item, update: bytes, key: str | None = None):
    headers = {"Idempotency-Key": key} if key else {}
    return api.as_(person).post(
        notes_path(conversation, item) + "/updates", json={"update": b64(update)}, headers=headers
    )


def server_note(api, person, conversation, item) -> dict:
    response = api.as_(person).get(notes_path(conversation, item))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def stored(app, item_id) -> tuple[str, bytes | None]:
    with app.app_context():
        row = db.session.get(AgendaItem, item_id)
        document = db.session.get(NoteDocument, item_id)
        return row.notes, (document.state if document else None)


def test_an_update_is_stored_answered_and_sent_to_the_other_party(api, live_app, people, conversation, item):
    manager, employee = people["manager"], people["employee"]
    empty = server_note(api, employee, conversation, item)
    assert (empty["text"], empty["seq"], empty["version"]) == ("", 0, 1)

    headers = {"Authorization": f"Bearer {employee.token}"}
    stream = live_app.test_client().get(
        f"/api/conversations/{conversation['id']}/live", headers=headers, buffered=False
    )
    chunks, parser, seen = iter(stream.response), SseParser(), []
    read_until(chunks, parser, lambda s: any(e.event == "ready" for e in s), seen)

    mette = NotesClient()
    mette.apply(empty["state"])
    ack = send(api, manager, conversation, item, mette.append("Jonas vil gerne lære Python 🐍"))
    assert ack.status_code == 201
    assert ack.get_json() == {"item_id": item["id"], "version": 2, "applied": True, "text_length": 29}
    # Stored before the answer: the note, and the agenda item's text for every other reader.
    assert stored(live_app, item["id"])[0] == "Jonas vil gerne lære Python 🐍"
    agenda = api.as_(employee).get(f"/api/conversations/{conversation['id']}").get_json()["agenda"][0]
    assert (agenda["notes"], agenda["version"]) == ("Jonas vil gerne lære Python 🐍", 2)

    read_until(chunks, parser, lambda s: any(e.event == "notes.update" for e in s), seen)
    event = next(e for e in seen if e.event == "notes.update")
    assert event.id == "1"
    assert set(event.json["data"]) == {"item_id", "update", "version", "by"}
    assert event.json["data"]["by"] == manager.oid
    jonas = NotesClient()
    jonas.apply(empty["state"])
    jonas.apply(event.json["data"]["update"])
    assert str(jonas) == "Jonas vil gerne lære Python 🐍"
    stream.close()

    again = server_note(api, employee, conversation, item)
    assert (again["text"], again["seq"], again["version"]) == ("Jonas vil gerne lære Python 🐍", 1, 2)
    fresh = NotesClient()
    fresh.apply(again["state"])
    assert str(fresh) == again["text"]


def test_two_people_typing_in_the_same_place_at_once_both_keep_their_text(
    api, app, people, conversation, item
):
    start = server_note(api, people["manager"], conversation, item)
    mette, jonas = NotesClient(), NotesClient()
    for client in (mette, jonas):
        client.apply(start["state"])
    base = mette.append("Mål: ")
    assert send(api, people["manager"], conversation, item, base).status_code == 201
    jonas.apply(base)
    # Both type at the end of the same line before either sees the other's text.
    from_mette = mette.append("certificering i Q3.")
    from_jonas = jonas.append("mentor fra teamet.")
    assert send(api, people["manager"], conversation, item, from_mette).status_code == 201
    assert send(api, people["employee"], conversation, item, from_jonas).status_code == 201
    mette.apply(from_jonas)
    jonas.apply(from_mette)
    note = server_note(api, people["employee"], conversation, item)
    assert str(mette) == str(jonas) == note["text"]
    assert "certificering i Q3." in note["text"] and "mentor fra teamet." in note["text"]
    assert note["text"].startswith("Mål: ")
    # The version-less merge never lost a word, and the stored state says the same.
    merged = NotesClient()
    merged.apply(base64.b64encode(stored(app, item["id"])[1]).decode())
    assert str(merged) == note["text"]


def test_a_retry_with_the_same_key_is_applied_once_and_answered_the_same(
    api, app, people, conversation, item
):
    client = NotesClient()
    update = client.append("Aftalt: kursus i april. ")
    key = str(uuid.uuid4())
    first = send(api, people["manager"], conversation, item, update, key=key)
    second = send(api, people["manager"], conversation, item, update, key=key)
    assert first.status_code == second.status_code == 201
    assert first.get_json() == second.get_json()
    assert first.get_json()["applied"] is True
    with app.app_context():
        events = db.session.scalars(select(LiveEvent).where(LiveEvent.kind == "notes.update")).all()
        assert len(events) == 1
        record = db.session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == key))
        assert record.status_code == 201
    # Without a key the CRDT itself makes a repeated update harmless: applied=False, no event.
    repeat = send(api, people["manager"], conversation, item, update)
    assert (repeat.status_code, repeat.get_json()["applied"]) == (201, False)
    assert server_note(api, people["manager"], conversation, item)["text"] == "Aftalt: kursus i april. "
    # The same key for another request is refused.
    other = send(api, people["manager"], conversation, item, client.append("mere"), key=key)
    assert (other.status_code, other.get_json()["error"]["code"]) == (422, "idempotency_key_reused")
    bad_key = send(api, people["manager"], conversation, item, update, key="nøgle med mellemrum")
    assert (bad_key.status_code, bad_key.get_json()["error"]["code"]) == (422, "idempotency_key_invalid")


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ("ikke base64!!", 422, "notes_update_not_base64"),
        (base64.b64encode(b"\x05\x99garbage-bytes").decode(), 422, "notes_update_invalid"),
    ],
)
def test_a_bad_update_is_refused_and_nothing_is_stored(
    api, app, people, conversation, item, payload, status, code
):
    good = NotesClient().append("Før")
    assert send(api, people["manager"], conversation, item, good).status_code == 201
    before = stored(app, item["id"])
    response = api.as_(people["manager"]).post(
        notes_path(conversation, item) + "/updates", json={"update": payload}
    )
    assert (response.status_code, response.get_json()["error"]["code"]) == (status, code)
    assert response.get_json()["error"]["field"] == "update"
    assert stored(app, item["id"]) == before


def test_an_update_of_another_structure_is_refused(api, app, people, conversation, item):
    doc = Doc()
    doc.get("other", type=Map)["x"] = 1
    response = send(api, people["manager"], conversation, item, doc.get_update())
    assert (response.status_code, response.get_json()["error"]["code"]) == (422, "notes_update_invalid")
    assert stored(app, item["id"]) == ("", None)


def test_an_update_missing_its_history_is_refused_until_the_history_comes(
    api, app, people, conversation, item
):
    client = NotesClient()
    first = client.append("Del 1. ")
    second = client.append("Del 2.")
    refused = send(api, people["manager"], conversation, item, second)  # the first never arrived
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (409, "notes_update_missing_history")
    assert stored(app, item["id"])[0] == ""
    # The tab sends what the server lacks (its state against the server's state vector).
    server = server_note(api, people["manager"], conversation, item)
    missing = client.doc.get_update(base64.b64decode(server["state_vector"]))
    assert send(api, people["manager"], conversation, item, missing).status_code == 201
    assert server_note(api, people["manager"], conversation, item)["text"] == "Del 1. Del 2."
    assert first  # (sent as part of `missing`)


def test_a_note_longer_than_64_kb_is_refused(api, app, people, conversation, item):
    client = NotesClient()
    assert send(api, people["manager"], conversation, item, client.append("x" * 60_000)).status_code == 201
    too_much = send(api, people["manager"], conversation, item, client.append("y" * 6_000))
    assert (too_much.status_code, too_much.get_json()["error"]["code"]) == (413, "text_too_large")
    assert len(stored(app, item["id"])[0]) == 60_000


def test_the_state_vector_query_returns_only_what_the_tab_lacks(api, people, conversation, item):
    client = NotesClient()
    assert send(api, people["manager"], conversation, item, client.append("A" * 2000)).status_code == 201
    vector = quote(b64(client.doc.get_state()), safe="")
    assert send(api, people["employee"], conversation, item, NotesClient().append("ny")).status_code == 201
    full = server_note(api, people["manager"], conversation, item)
    diff = (
        api.as_(people["manager"]).get(notes_path(conversation, item) + f"?state_vector={vector}").get_json()
    )
    assert len(diff["state"]) < 200 < len(full["state"])
    client.apply(diff["state"])
    assert str(client) == full["text"]
    urlsafe = base64.urlsafe_b64encode(base64.b64decode(unquote(vector))).decode()
    again = api.as_(people["manager"]).get(notes_path(conversation, item) + f"?state_vector={urlsafe}")
    assert again.get_json()["state"] == diff["state"]
    bad = api.as_(people["manager"]).get(notes_path(conversation, item) + "?state_vector=%%%")
    assert (bad.status_code, bad.get_json()["error"]["code"]) == (422, "notes_update_not_base64")
    wrong = api.as_(people["manager"]).get(notes_path(conversation, item) + "?state_vector=/w==")
    assert (wrong.status_code, wrong.get_json()["error"]["code"]) == (422, "notes_state_vector_invalid")


def test_the_versioned_patch_is_a_crdt_change_that_keeps_concurrent_typing(
    api, app, people, conversation, item
):
    cid = conversation["id"]
    start = NotesClient()
    base = start.append("Trivsel: god. Arbejdsmængde: høj.")
    assert send(api, people["employee"], conversation, item, base).status_code == 201
    jonas = NotesClient()
    jonas.apply(base)
    # Mette edits through the old whole-text PATCH (with the version), Jonas types in the CRDT.
    typed = jonas.insert(len("Trivsel: god."), " Mere fokus på pauser.")
    patched = api.as_(people["manager"]).patch(
        f"/api/conversations/{cid}/agenda/{item['id']}",
        json={"notes": "Trivsel: god. Arbejdsmængde: for høj.", "version": 2},
    )
    assert patched.status_code == 200, patched.get_json()
    assert send(api, people["employee"], conversation, item, typed).status_code == 201
    text = server_note(api, people["employee"], conversation, item)["text"]
    assert text == "Trivsel: god. Mere fokus på pauser. Arbejdsmængde: for høj."
    # A PATCH on a stale version is still refused with the current state, never applied.
    stale = api.as_(people["manager"]).patch(
        f"/api/conversations/{cid}/agenda/{item['id']}", json={"notes": "overskrevet", "version": 2}
    )
    assert stale.status_code == 409
    assert stale.get_json()["error"]["current"]["notes"] == text
    # Jonas's tab converges with the PATCH through the event's update.
    with app.app_context():
        event = db.session.scalar(select(LiveEvent).where(LiveEvent.kind == "agenda_item.updated"))
    jonas.apply(event.data["update"])
    assert str(jonas) == text


def test_notes_written_before_documents_existed_are_seeded_once(api, app, people, conversation, item):
    with app.app_context():
        row = db.session.get(AgendaItem, item["id"])
        row.notes = "Skrevet før CRDT"
        db.session.commit()
    first = server_note(api, people["manager"], conversation, item)
    second = server_note(api, people["employee"], conversation, item)
    assert first["text"] == second["text"] == "Skrevet før CRDT"
    assert first["state"] == second["state"]
    client = NotesClient()
    client.apply(first["state"])
    assert send(api, people["employee"], conversation, item, client.append(" og efter")).status_code == 201
    assert server_note(api, people["manager"], conversation, item)["text"] == "Skrevet før CRDT og efter"


def test_only_the_parties_read_and_write_the_notes(api, people, conversation, item):
    update = {"update": b64(NotesClient().append("hej"))}
    path = notes_path(conversation, item)
    assert api.as_(people["colleague"]).get(path).status_code == 403
    assert api.as_(people["outsider"]).post(path + "/updates", json=update).status_code == 404
    assert (
        api.as_(people["manager"])
        .post(f"/api/conversations/{conversation['id']}/agenda/999999/notes/updates", json=update)
        .status_code
        == 404
    )
    assert api.post(path + "/updates", json=update).status_code == 401
    assert (
        api.as_(people["manager"]).post(path + "/updates", json={"update": "aGVq", "x": 1}).status_code == 422
    )


def test_the_retention_run_clears_the_document_and_the_live_log(api, app, people, conversation, item):
    cid = conversation["id"]
    client = NotesClient()
    assert (
        send(api, people["manager"], conversation, item, client.append("FORTROLIGT referat")).status_code
        == 201
    )
    version = conversation["version"]
    for status in ("preparing", "in_meeting", "reviewing"):
        moved = api.as_(people["manager"]).post(
            f"/api/conversations/{cid}/transition", json={"status": status, "version": version}
        )
        assert moved.status_code == 200, moved.get_json()
        version = moved.get_json()["version"]
    later = utcnow() + timedelta(days=400)
    app.extensions["mus.clock"] = lambda: later
    from plugin.storage.setup import new_unit_of_work

    with app.app_context():
        # Still being worked on (an idle unfinished conversation would go whole): only the notes go.
        db.session.execute(sql_update(Conversation).where(Conversation.id == cid).values(updated_at=later))
        db.session.commit()
        report = retention.do_purge(new_unit_of_work())
        assert report.notes_cleared == 1
        document = db.session.get(NoteDocument, item["id"])
        assert b"FORTROLIGT" not in document.state
        kinds = db.session.scalars(select(LiveEvent.kind).where(LiveEvent.conversation_id == cid)).all()
        assert kinds == ["retention.purged"]  # no note edits left in the log
        assert all(b"FORTROLIGT" not in str(e).encode() for e in kinds)
    note = server_note(api, people["manager"], conversation, item)
    assert note["text"] == ""
    client.apply(note["state"])  # a tab that still had the text converges to the cleared note
    assert str(client) == ""


def test_concurrent_bursts_from_two_tabs_lose_nothing(api, app, people, conversation, item):
    """Two tabs send at the same time, each without seeing the other's edits (as if offline); the
    row lock serialises the merges, and every acknowledged word is in the stored note."""
    acked: dict[str, list[str]] = {"manager": [], "employee": []}
    errors: list[str] = []

    def burst(key: str) -> None:
        client = NotesClient()
        local = app.test_client()
        headers = {"Authorization": f"Bearer {people[key].token}"}
        for n in range(12):
            word = f"<{key}-{n}>"
            update = client.append(word)
            response = local.post(
                notes_path(conversation, item) + "/updates",
                json={"update": b64(update)},
                headers={**headers, "Idempotency-Key": f"{key}-{n}"},
            )
            if response.status_code == 201:
                acked[key].append(word)
            else:
                errors.append(f"{response.status_code} {response.get_json()}")

    threads = [threading.Thread(target=burst, args=(key,)) for key in acked]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a burst did not finish"
    assert errors == []
    text = server_note(api, people["manager"], conversation, item)["text"]
    for key, words in acked.items():
        assert len(words) == 12
        positions = [text.index(word) for word in words]
        assert positions == sorted(positions), key  # each tab's words in its own order
    assert len(text) == sum(len(w) for words in acked.values() for w in words)
    assert stored(app, item["id"])[0] == text


def test_text_helpers_keep_multibyte_characters_whole():
    from plugin.live.crdt import document_for, replace_text, text_of

    state = document_for("Hej 😓 med æøå")
    change = replace_text(state, "Hej 🎉 med æøå!")
    assert (change.text, text_of(change.state), change.applied) == (
        "Hej 🎉 med æøå!",
        "Hej 🎉 med æøå!",
        True,
    )
    cleared = replace_text(change.state, "")
    assert (cleared.text, text_of(cleared.state)) == ("", "")
    assert not replace_text(cleared.state, "").applied


def test_a_tab_that_lost_its_connection_catches_up_and_both_converge(
    api, live_app, people, conversation, item
):
    """Mid-meeting the employee's connection drops; both keep typing (the employee's edits wait in
    the tab's queue); on reconnect the stream replays from Last-Event-ID, the queue is sent, and
    both tabs end with the same note."""
    cid = conversation["id"]
    manager, employee = people["manager"], people["employee"]

    def open_stream(person, last_event_id=None):
        headers = {"Authorization": f"Bearer {person.token}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        response = live_app.test_client().get(
            f"/api/conversations/{cid}/live", headers=headers, buffered=False
        )
        stream = (response, iter(response.response), SseParser(), [])
        read_until(stream[1], stream[2], lambda s: any(e.event == "ready" for e in s), stream[3])
        return stream

    mette, jonas = NotesClient(), NotesClient()
    theirs = open_stream(manager)
    mine = open_stream(employee)
    first = mette.append("Fælles start. ")
    assert send(api, manager, conversation, item, first).status_code == 201
    read_until(mine[1], mine[2], lambda s: any(e.event == "notes.update" for e in s), mine[3])
    for event in mine[3]:
        if event.event == "notes.update":
            jonas.apply(event.json["data"]["update"])
    last_id = [e.id for e in mine[3] if e.id][-1]
    mine[0].close()  # the network drops

    queued = [jonas.append("Jonas offline 1. "), jonas.append("Jonas offline 2. ")]
    while_away = [mette.append("Mette imens. "), mette.insert(0, "[Referat] ")]
    for update in while_away:
        assert send(api, manager, conversation, item, update).status_code == 201

    mine = open_stream(employee, last_event_id=last_id)  # back: what was missed is replayed first
    replayed = [e for e in mine[3] if e.event == "notes.update"]
    assert [e.id for e in replayed] == ["2", "3"]
    for event in replayed:
        jonas.apply(event.json["data"]["update"])
    for n, update in enumerate(queued):
        assert send(api, employee, conversation, item, update, key=f"jonas-offline-{n}").status_code == 201
    read_until(theirs[1], theirs[2], lambda s: sum(e.event == "notes.update" for e in s) == 5, theirs[3])
    for event in theirs[3]:
        if event.event == "notes.update" and event.json["data"]["by"] == employee.oid:
            mette.apply(event.json["data"]["update"])
    note = server_note(api, manager, conversation, item)["text"]
    assert str(mette) == str(jonas) == note
    for piece in ("[Referat] ", "Fælles start. ", "Mette imens. ", "Jonas offline 1. ", "Jonas offline 2. "):
        assert note.count(piece) == 1
    theirs[0].close()
    mine[0].close()


def test_an_items_notes_are_read_without_loading_the_whole_agenda(api, app, people, conversation, item):
    """Opening or saving one item's notes checks the reader is a party of the conversation; the other
    items (their sealed texts, their talking points) are not read for it."""
    send(api, people["manager"], conversation, item, NotesClient().append("hej"))
    with recorded(app) as statements:
        assert server_note(api, people["employee"], conversation, item)["text"] == "hej"
        assert send(api, people["employee"], conversation, item, NotesClient().append("!")).status_code == 201
    assert statements
    # One agenda item is read by its key, never the conversation's list of items.
    assert not any("FROM agenda_items" in s and "agenda_items.conversation_id IN" in s for s in statements)
    # A colleague who is no party is still refused.
    assert api.as_(people["colleague"]).get(notes_path(conversation, item)).status_code == 403
