"""Real servers in subprocesses (`mus serve`, gunicorn), signed in through the Microsoft 365
stand-ins started here (so a token is valid on every instance):
- scale-out: two instances on different ports, one database, one Redis: a participant on A and one
  on B see each other's edits live, and each other's presence;
- crash: kill -9 of the server's process group during a burst of edits from two tabs; after a
  restart every acknowledged edit is in the database, and retrying the unanswered ones (same
  Idempotency-Key) applies each exactly once.
PostgreSQL when the suite runs on it (MUS_TEST_DATABASE_URL), else one SQLite file."""

from __future__ import annotations

import base64
import os
import threading
import time
import uuid

import pytest
from pycrdt import Doc, Text
from sqlalchemy import create_engine, make_url, text

from plugin.storage import sealed
from tests.support import m365
from tests.support.live import (
    DATA_KEY,
    REDIS_URL,
    Api,
    NotesClient,
    Server,
    StreamReader,
    b64,
    forget_prefix,
    migrate,
    new_prefix,
    server_env,
)


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("live-m365"))
    yield cloud
    cloud.close()


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """One database, migrated with `mus db upgrade`, for the tests of this module."""
    admin = os.environ.get("MUS_TEST_DATABASE_URL")
    engine = None
    if not admin:
        url = f"sqlite:///{tmp_path_factory.mktemp('live-db') / 'live.sqlite3'}"
    else:
        name = f"mus_live_{uuid.uuid4().hex[:12]}"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUS_")}
    migrate(
        {
            **env,
            "MUS_DATABASE_URL": url,
            "MUS_SECRET_KEY": "x",
            "MUS_CLIENT_ID": "x",
            "MUS_DATA_KEYS": DATA_KEY,
        }
    )
    yield url
    if engine is not None:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def prefix():
    value = new_prefix()
    yield value
    forget_prefix(value)


def _plan(api: Api) -> dict:
    response = api.call("POST", "/api/conversations", json={"employee": {"object_id": m365.oid("employee")}})
    assert response.status_code == 201, response.text
    return response.json()


def test_a_participant_on_each_instance_sees_the_others_edits_live(cloud, database_url, prefix, tmp_path):
    env = server_env(cloud, database_url, REDIS_URL, prefix, tmp_path / "instance")
    a = Server(env, tmp_path / "a.log")
    b = Server(env, tmp_path / "b.log")
    apis, readers = [], []
    try:
        for server in (a, b):
            server.launch()
        for server in (a, b):
            server.wait_ready()
        assert a.port != b.port
        employee_on_a = Api(a.url, cloud.sso("employee"))
        manager_on_b = Api(b.url, cloud.sso("manager"))
        apis += [employee_on_a, manager_on_b]
        conversation = _plan(manager_on_b)
        cid, item = conversation["id"], conversation["agenda"][0]["id"]
        updates = f"/api/conversations/{cid}/agenda/{item}/notes/updates"
        on_a = StreamReader(employee_on_a, cid)
        on_b = StreamReader(manager_on_b, cid)
        readers += [on_a, on_b]
        for reader in readers:
            reader.wait_for(lambda e: e.event == "ready")

        mette, jonas = NotesClient(), NotesClient()
        sent = time.monotonic()
        response = manager_on_b.call("POST", updates, json={"update": b64(mette.append("Fra Mette (B). "))})
        assert response.status_code == 201, response.text
        event = on_a.wait_for(lambda e: e.event == "notes.update")
        took = time.monotonic() - sent
        assert took < 5, f"the edit took {took:.1f} s from B to A"
        jonas.apply(event.json["data"]["update"])
        assert str(jonas) == "Fra Mette (B). "

        response = employee_on_a.call("POST", updates, json={"update": b64(jonas.append("Fra Jonas (A)."))})
        assert response.status_code == 201, response.text
        back = on_b.wait_for(
            lambda e: e.event == "notes.update" and e.json["data"]["by"] == m365.oid("employee")
        )
        mette.apply(back.json["data"]["update"])
        assert str(mette) == str(jonas) == "Fra Mette (B). Fra Jonas (A)."

        # Presence set on B is seen on A (one Redis), live and when asked.
        manager_on_b.call("PUT", f"/api/conversations/{cid}/presence", json={"agenda_item_id": item})
        here = on_a.wait_for(lambda e: e.event == "presence.changed")
        assert here.json["data"]["object_id"] == m365.oid("manager")
        listed = employee_on_a.call("GET", f"/api/conversations/{cid}/presence").json()["items"]
        assert [(p["object_id"], p["agenda_item_id"]) for p in listed] == [(m365.oid("manager"), item)]
        stored = employee_on_a.call("GET", f"/api/conversations/{cid}/agenda/{item}/notes").json()
        assert stored["text"] == "Fra Mette (B). Fra Jonas (A)."
    finally:
        for reader in readers:
            reader.close()
        for api in apis:
            api.close()
        for server in (a, b):
            server.terminate()
        for server in (a, b):
            server.stop()


def test_every_acknowledged_edit_survives_kill_9_of_the_server(cloud, database_url, prefix, tmp_path):
    env = server_env(cloud, database_url, None, prefix, tmp_path / "instance")
    server = Server(env, tmp_path / "crash.log", threads=8).start()
    restarted = None
    apis: list[Api] = []
    try:
        setup = Api(server.url, cloud.sso("manager"))
        apis.append(setup)
        conversation = _plan(setup)
        cid, item = conversation["id"], conversation["agenda"][0]["id"]
        path = f"/api/conversations/{cid}/agenda/{item}/notes/updates"
        acked: dict[str, list[str]] = {"manager": [], "employee": []}
        unanswered: dict[str, tuple[str, str, str]] = {}
        total = threading.Semaphore(0)
        stop = threading.Event()

        def burst(who: str) -> None:
            api = Api(server.url, cloud.sso(who))
            apis.append(api)
            client = NotesClient()  # the tab's Yjs document, used on this thread only
            for n in range(400):
                if stop.is_set():
                    return
                word = f"<{who}-{n}>"
                key = f"{who}-{n}-{uuid.uuid4().hex[:6]}"
                update = b64(client.append(word))
                try:
                    response = api.call(
                        "POST", path, json={"update": update}, headers={"Idempotency-Key": key}
                    )
                except Exception:
                    unanswered[who] = (key, update, word)  # sent, no answer: the tab keeps it queued
                    return
                assert response.status_code == 201, response.text
                acked[who].append(word)
                total.release()

        threads = [threading.Thread(target=burst, args=(who,)) for who in acked]
        for thread in threads:
            thread.start()
        for _ in range(40):  # mid-burst: after 40 acknowledged edits, with more in flight
            assert total.acquire(timeout=30)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
            assert not thread.is_alive(), "a tab's burst did not end after the server was killed"
        assert sum(len(words) for words in acked.values()) >= 40

        # Straight from the database: every acknowledged word is stored, in the text and the CRDT.
        engine = create_engine(database_url)
        with engine.connect() as conn:
            notes = conn.execute(
                text("SELECT notes FROM agenda_items WHERE id = :id"), {"id": item}
            ).scalar_one()
            state = conn.execute(
                text("SELECT state FROM note_documents WHERE agenda_item_id = :id"), {"id": item}
            ).scalar_one()
        engine.dispose()
        # Stored sealed under the servers' data key (encryption at rest): open them as the app does.
        assert notes.startswith(sealed.PREFIX) and bytes(state).startswith(sealed.PREFIX_BYTES)
        sealed.configure([DATA_KEY])
        notes, state = sealed.open_text(notes), sealed.open_bytes(state)
        doc = Doc()
        doc.apply_update(bytes(state))
        assert str(doc.get("notes", type=Text)) == notes
        for who, words in acked.items():
            for word in words:
                assert notes.count(word) == 1, (who, word)

        # Restarted, the tabs send what was never answered, with the same keys: applied once.
        restarted = Server(env, tmp_path / "restart.log").start()
        for who, (key, update, _word) in unanswered.items():
            api = Api(restarted.url, cloud.sso(who))
            apis.append(api)
            retry = api.call("POST", path, json={"update": update}, headers={"Idempotency-Key": key})
            assert retry.status_code == 201, retry.text
        final = Api(restarted.url, cloud.sso("employee"))
        apis.append(final)
        note = final.call("GET", f"/api/conversations/{cid}/agenda/{item}/notes").json()
        for who in acked:
            expected = acked[who] + ([unanswered[who][2]] if who in unanswered else [])
            positions = [note["text"].index(word) for word in expected]
            assert positions == sorted(positions)
            assert all(note["text"].count(word) == 1 for word in expected)
        check = Doc()
        check.apply_update(base64.b64decode(note["state"]))
        assert str(check.get("notes", type=Text)) == note["text"]
    finally:
        for api in apis:
            api.close()
        if restarted is not None:
            restarted.stop()
        server.kill()


def test_serve_refuses_several_workers_without_redis(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from plugin.cli import main

    for name in ("MUS_DEMO", "MUS_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MUS_SECRET_KEY", "s")
    monkeypatch.setenv("MUS_CLIENT_ID", "c")
    monkeypatch.setenv("MUS_DATA_KEYS", DATA_KEY)
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("MUS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    result = CliRunner().invoke(main, ["serve", "--workers", "2", "--port", "5998"])
    assert result.exit_code == 2
    assert "MUS_REDIS_URL" in result.output
