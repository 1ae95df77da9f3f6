"""Conversation content is encrypted at rest: canary text written through the API into every
surface is absent from the raw database (the SQLite file, or `pg_dump` of PostgreSQL) and from the
log, even when a write fails in the database, and the API still gives it back. Keys rotate: old
data stays readable, new data is sealed under the new key, `mus keys reencrypt` moves the rest."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import make_url, text

from plugin import create_app
from plugin.cli import main
from plugin.config import ConfigError, settings_from_env
from plugin.storage import sealed
from plugin.storage.db import db
from tests.support.live import NotesClient, b64

TAG = "kanarie-9c4e"


def canary(surface: str) -> str:
    return f"{TAG}-{surface}-æøå"


SURFACES = (
    "conversation_title",
    "agenda_title",
    "notes",
    "live_notes",
    "talking_point",
    "preparation",
    "wellbeing",
    "feedback",
    "goal_title",
    "goal_specific",
    "goal_measure",
    "goal_achievable",
    "goal_relevance",
    "goal_changed",
    "progress",
    "action_title",
    "action_resources",
    "follow_up",
    "summary",
    "approval_comment",
)


def url(cid: int, suffix: str = "") -> str:
    return f"/api/conversations/{cid}{suffix}"


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.get_json()
    return response.get_json()


def write_everywhere(api, people) -> dict:
    """A conversation with a canary in every kind of content, written as the two parties would;
    several writes carry an Idempotency-Key, so their answers are stored too."""
    mgr, emp = api.as_(people["manager"]), api.as_(people["employee"])
    created = {
        "employee": {"object_id": people["employee"].oid},
        "title": canary("conversation_title"),
    }
    conversation = ok(mgr.post("/api/conversations", json=created, headers={"Idempotency-Key": "c-1"}), 201)
    cid = conversation["id"]
    added = ok(mgr.post(url(cid, "/agenda"), json={"title": canary("agenda_title")}), 201)
    first, second = conversation["agenda"][0], conversation["agenda"][1]
    ok(
        emp.patch(
            url(cid, f"/agenda/{first['id']}"), json={"version": first["version"], "notes": canary("notes")}
        )
    )
    live = NotesClient()
    ok(
        mgr.post(
            url(cid, f"/agenda/{second['id']}/notes/updates"),
            json={"update": b64(live.insert(0, canary("live_notes")))},
            headers={"Idempotency-Key": "n-1"},
        ),
        201,
    )
    ok(
        emp.post(
            url(cid, f"/agenda/{added['id']}/talking-points"),
            json={"text": canary("talking_point")},
            headers={"Idempotency-Key": "tp-1"},
        ),
        201,
    )
    ok(emp.post(url(cid, "/preparation"), json={"text": canary("preparation")}), 201)
    ok(emp.post(url(cid, "/wellbeing"), json={"score": 4, "comment": canary("wellbeing")}), 201)
    ok(
        mgr.post(
            url(cid, "/feedback"),
            json={"kind": "recognition", "text": canary("feedback")},
            headers={"Idempotency-Key": "f-1"},
        ),
        201,
    )
    goal = ok(
        mgr.post(
            url(cid, "/goals"),
            json={
                "title": canary("goal_title"),
                "specific": "Første udkast",
                "measure": canary("goal_measure"),
                "achievable": canary("goal_achievable"),
                "relevance": canary("goal_relevance"),
            },
            headers={"Idempotency-Key": "g-1"},
        ),
        201,
    )
    ok(
        emp.patch(
            f"/api/goals/{goal['id']}", json={"version": goal["version"], "specific": canary("goal_specific")}
        )
    )
    ok(
        emp.patch(
            f"/api/goals/{goal['id']}",
            json={"version": goal["version"] + 1, "specific": canary("goal_changed")},
        )
    )
    ok(emp.post(f"/api/goals/{goal['id']}/progress", json={"percent": 30, "note": canary("progress")}), 201)
    ok(
        mgr.post(
            url(cid, "/actions"),
            json={
                "kind": "course",
                "title": canary("action_title"),
                "goal_id": goal["id"],
                "resources": canary("action_resources"),
            },
        ),
        201,
    )
    ok(mgr.post(url(cid, "/follow-ups"), json={"title": canary("follow_up"), "due_on": "2030-03-01"}), 201)
    current = mgr.get(url(cid)).get_json()
    ok(mgr.post(url(cid, "/transition"), json={"status": "in_meeting", "version": current["version"]}))
    ok(mgr.post(url(cid, "/agreement")), 201)
    item = ok(emp.get(url(cid, "/agreement/summaries")))["items"][0]
    ok(
        emp.put(
            url(cid, f"/agreement/summaries/{item['item_id']}"),
            json={"version": item["version"], "base": item["text"], "text": canary("summary")},
        )
    )
    number = ok(emp.get(url(cid, "/agreement")))["items"][0]["number"]
    ok(
        mgr.post(
            url(cid, f"/agreement/{number}/decision"),
            json={"decision": "changes_requested", "comment": canary("approval_comment")},
        )
    )
    return {"cid": cid, "goal": goal["id"], "created": created, "live_item": second["id"]}


def read_back(api, people, written: dict) -> str:
    """Everything the two parties can read of the conversation, as one text."""
    cid = written["cid"]
    mgr, emp = api.as_(people["manager"]), api.as_(people["employee"])
    paths = [
        url(cid),
        url(cid, "/preparation"),
        url(cid, "/wellbeing"),
        url(cid, "/feedback"),
        url(cid, "/goals"),
        f"/api/goals/{written['goal']}/history",
        f"/api/goals/{written['goal']}",
        url(cid, "/actions"),
        url(cid, "/follow-ups"),
        url(cid, "/agreement"),
        url(cid, "/agreement/summaries"),
        url(cid, f"/agenda/{written['live_item']}/notes"),
    ]
    texts = [ok(emp.get(path)).__repr__() for path in paths]
    texts += [ok(mgr.get(path)).__repr__() for path in paths[:1]]
    return "\n".join(texts)


def dump_database(app, postgres_url: str | None, settings) -> bytes:
    """The database as an attacker with the disk or a dump would see it."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if not postgres_url:
        path = Path(make_url(settings.database_url).database)
        files = [path, *(path.parent / (path.name + s) for s in ("-wal", "-journal"))]
        return b"".join(f.read_bytes() for f in files if f.exists())
    url = make_url(postgres_url)
    if shutil.which("pg_dump"):
        command = ["pg_dump", "--no-owner", "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432)]
        command += ["-U", url.username or "postgres", url.database]
        env = {**os.environ, **({"PGPASSWORD": url.password} if url.password else {})}
        return subprocess.run(command, check=True, capture_output=True, env=env, timeout=120).stdout
    chunks = []  # no pg_dump: every table, as COPY writes it
    with app.app_context(), db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        for table in db.metadata.sorted_tables:
            with raw.cursor().copy(f'COPY "{table.name}" TO STDOUT') as copy:
                chunks.extend(bytes(block) for block in copy)
    return b"".join(chunks)


def test_no_content_at_rest_or_in_the_log_and_the_api_round_trips(
    app, api, people, settings, postgres_url, caplog
):
    caplog.set_level(logging.DEBUG)
    written = write_everywhere(api, people)

    # The API gives every canary back, and a replayed create answers from its stored response.
    seen = read_back(api, people, written)
    missing = [s for s in SURFACES if canary(s) not in seen]
    assert missing == []
    replay = api.as_(people["manager"]).post(
        "/api/conversations", json=written["created"], headers={"Idempotency-Key": "c-1"}
    )
    assert replay.status_code == 201 and replay.get_json()["title"] == canary("conversation_title")

    # A write that fails in the database: the error is logged, its parameters are not.
    with app.app_context():
        if postgres_url:
            db.session.execute(
                text(
                    "CREATE FUNCTION seal_refuse() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql"
                )
            )
            db.session.execute(
                text(
                    "CREATE TRIGGER seal_refuse BEFORE INSERT ON feedback_entries "
                    "FOR EACH ROW EXECUTE FUNCTION seal_refuse()"
                )
            )
        else:
            db.session.execute(
                text(
                    "CREATE TRIGGER seal_refuse BEFORE INSERT ON feedback_entries "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                )
            )
        db.session.commit()
    try:
        failed = api.client.post(  # not in the OpenAPI document: a 500 is never promised
            url(written["cid"], "/feedback"),
            json={"kind": "recognition", "text": canary("failed_write")},
            headers={"Authorization": f"Bearer {people['manager'].token}"},
        )
    finally:
        with app.app_context():
            db.session.execute(
                text("DROP TRIGGER seal_refuse" + (" ON feedback_entries" if postgres_url else ""))
            )
            if postgres_url:
                db.session.execute(text("DROP FUNCTION seal_refuse()"))
            db.session.commit()
    assert failed.status_code == 500
    assert "database error" in caplog.text and "refused by the test" in caplog.text
    assert "SQL parameters hidden" in caplog.text
    assert not any(r.name.startswith("sqlalchemy") and r.levelno < logging.WARNING for r in caplog.records)
    assert TAG not in caplog.text

    dump = dump_database(app, postgres_url, settings)
    assert b"feedback_entries" in dump and sealed.PREFIX_BYTES in dump
    leaked = [s for s in (*SURFACES, "failed_write") if canary(s).encode() in dump]
    assert leaked == []
    assert TAG.encode() not in dump


def test_rotation_old_keys_read_new_key_writes_reencrypt_moves_the_rest(
    authority, settings, postgres_url, people, monkeypatch
):
    from tests.conftest import built_app

    key_a, key_b = sealed.generate_key(), sealed.generate_key()
    with built_app(settings.with_changes(data_keys=(key_a,)), postgres_url) as app:
        from tests.conftest import ApiClient
        from tests.support.openapi_check import OpenApiChecker

        client = app.test_client()
        api = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
        written = write_everywhere(api, people)
        with app.app_context():
            stored = db.session.execute(text("SELECT text FROM feedback_entries")).scalar_one()
        assert stored.startswith(sealed.PREFIX)
        assert Fernet_opens(key_a, stored) and not Fernet_opens(key_b, stored)

    # [B, A]: everything written under A still reads; a new write is sealed under B.
    rotated = settings.with_changes(data_keys=(key_b, key_a))
    app = create_app(rotated)
    client = app.test_client()
    from tests.conftest import ApiClient
    from tests.support.openapi_check import OpenApiChecker

    api = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
    assert all(canary(s) in read_back(api, people, written) for s in SURFACES)
    ok(
        api.as_(people["employee"]).post(
            url(written["cid"], "/feedback"), json={"kind": "improvement", "text": "Under den nye nøgle"}
        ),
        201,
    )
    with app.app_context():
        texts = db.session.execute(text("SELECT text FROM feedback_entries ORDER BY id")).scalars().all()
    assert (
        Fernet_opens(key_a, texts[0])
        and Fernet_opens(key_b, texts[-1])
        and not Fernet_opens(key_a, texts[-1])
    )

    # `mus keys reencrypt` under [B, A]: counts what it moved; a second run has nothing left.
    cli_apps = []

    def cli_app():
        cli_apps.append(create_app(rotated))
        return cli_apps[-1]

    monkeypatch.setattr(main, "create_app", cli_app)
    runner = CliRunner()
    first = runner.invoke(main, ["keys", "reencrypt", "--batch", "3"])
    assert first.exit_code == 0, first.output
    moved = int(first.output.strip().splitlines()[-1].split()[1])
    assert moved >= len(SURFACES)
    assert "feedback_entries.text: 1" in first.output  # the one under A; the new one was under B
    again = runner.invoke(main, ["keys", "reencrypt"])
    assert again.exit_code == 0 and again.output.strip().splitlines()[-1].startswith("re-encrypted 0 ")

    # [B] alone: everything still reads.
    for done in (app, *cli_apps):
        with done.app_context():
            db.session.remove()
            db.engine.dispose()
    app = create_app(settings.with_changes(data_keys=(key_b,)))
    client = app.test_client()
    api = ApiClient(client, OpenApiChecker(client.get("/api/openapi.json").get_json()), None)
    assert all(canary(s) in read_back(api, people, written) for s in SURFACES)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    # A key that never sealed anything opens nothing: the failure is loud, never plaintext.
    sealed.configure([sealed.generate_key()])
    with pytest.raises(sealed.SealedValueError):
        sealed.open_text(texts[0])


def Fernet_opens(key: str, stored: str) -> bool:
    from cryptography.fernet import Fernet, InvalidToken

    try:
        Fernet(key).decrypt(stored.removeprefix(sealed.PREFIX).encode())
    except InvalidToken:
        return False
    return True


def test_data_keys_are_required_outside_demo_mode_and_checked(tmp_path):
    base = {"MUS_SECRET_KEY": "s", "MUS_CLIENT_ID": "c"}
    with pytest.raises(ConfigError, match="MUS_DATA_KEYS must be set"):
        settings_from_env(base, instance_path=str(tmp_path))
    with pytest.raises(ConfigError, match="key 2 is not a Fernet key"):
        settings_from_env(
            {**base, "MUS_DATA_KEYS": f"{sealed.generate_key()},nope"}, instance_path=str(tmp_path)
        )
    one, two = sealed.generate_key(), sealed.generate_key()
    got = settings_from_env({**base, "MUS_DATA_KEYS": f" {one} , {two} "}, instance_path=str(tmp_path))
    assert got.data_keys == (one, two)
    demo = settings_from_env({"MUS_DEMO": "1"}, instance_path=str(tmp_path))
    assert demo.data_keys == ()  # derived from the secret when the app is built
    with pytest.raises(ConfigError, match="MUS_DATA_KEYS"):
        create_app(
            {"database_url": f"sqlite:///{tmp_path / 'x.sqlite3'}", "secret_key": "k", "client_id": "c"}
        )


def test_keys_generate_prints_a_fresh_fernet_key():
    runner = CliRunner()
    first, second = (runner.invoke(main, ["keys", "generate"]) for _ in range(2))
    assert first.exit_code == second.exit_code == 0
    assert first.output != second.output
    assert sealed.parse_keys(first.output.strip()) == (first.output.strip(),)


def test_sealed_types_keep_empty_and_null_and_read_legacy_plaintext():
    sealed.configure([sealed.generate_key()])
    t, j, b = sealed.SealedText(), sealed.SealedJSON(), sealed.SealedBytes()
    assert (t.process_bind_param("", None), t.process_bind_param(None, None)) == ("", None)
    assert (b.process_bind_param(b"", None), j.process_bind_param(None, None)) == (b"", None)
    stored = t.process_bind_param("Hemmelig note", None)
    assert stored.startswith("mus1:") and "Hemmelig" not in stored
    assert stored != t.process_bind_param("Hemmelig note", None)  # randomised
    assert t.process_result_value(stored, None) == "Hemmelig note"
    assert t.process_result_value("gammel klartekst", None) == "gammel klartekst"
    assert j.process_result_value(j.process_bind_param({"da": "Æble"}, None), None) == {"da": "Æble"}
    assert j.process_result_value('{"legacy": 1}', None) == {"legacy": 1}
    assert b.process_result_value(b.process_bind_param(b"\x01\x02", None), None) == b"\x01\x02"
    assert b.process_result_value(memoryview(b"\x01legacy"), None) == b"\x01legacy"


def test_the_engine_hides_statement_parameters(app):
    with app.app_context():
        assert db.engine.hide_parameters is True
