"""The migration that seals content encrypts the rows a database already holds, in place; its
downgrade writes them back as plaintext. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime

from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, Table, insert, select, text

from plugin import create_app
from plugin.storage import AgendaItem, Conversation, IdempotencyRecord, NoteDocument, sealed
from plugin.storage.db import db
from tests import test_migrations
from tests.conftest import make_settings

empty_database_url = test_migrations.empty_database_url  # the fixture: a new, empty database
BEFORE = "b0a495229084"
NOTE = "Gammel note om trivsel æøå"
NOW = datetime(2026, 1, 5, 9, 0)


def _insert(conn, name: str, **values) -> None:
    conn.execute(insert(Table(name, MetaData(), autoload_with=conn)).values(**values))


def test_existing_rows_are_sealed_in_place_and_opened_on_downgrade(
    authority,
    empty_database_url,
    tmp_path,
):
    key = sealed.generate_key()
    app = create_app(make_settings(authority, empty_database_url, tmp_path / "i", data_keys=(key,)))
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as conn:
            _insert(conn, "tenants", id="t-1", created_at=NOW)
            for pid in (1, 2):
                _insert(
                    conn, "people", id=pid, tenant_id="t-1", object_id=f"o-{pid}", display_name="P",
                    email="", locale="da-dk", created_at=NOW,
                )  # fmt: skip
            _insert(
                conn, "conversations", id=1, tenant_id="t-1", kind="mus", status="planned", employee_id=1,
                manager_id=2, created_by_id=2, template_key="mus", title="Gammel titel", agreement_number=0,
                relationship_check="unchecked", created_at=NOW, updated_at=NOW, version=1,
            )  # fmt: skip
            _insert(
                conn, "agenda_items", id=1, conversation_id=1, position=0, section_key="x",
                title={"da": "Gammelt punkt"}, tools=[], notes=NOTE, updated_at=NOW, version=1,
            )  # fmt: skip
            _insert(conn, "note_documents", agenda_item_id=1, state=NOTE.encode(), updated_at=NOW)
            _insert(
                conn, "idempotency_records", id=1, person_id=1, key="k", request_hash="h", status_code=201,
                response={"notes": NOTE}, created_at=NOW,
            )  # fmt: skip

        upgrade()
        with db.engine.connect() as conn:
            raw = conn.execute(text("SELECT notes, title FROM agenda_items")).one()
            state = conn.execute(text("SELECT state FROM note_documents")).scalar_one()
            response = conn.execute(text("SELECT response FROM idempotency_records")).scalar_one()
            title = conn.execute(text("SELECT title FROM conversations")).scalar_one()
        assert all(value.startswith(sealed.PREFIX) for value in (*raw, response, title))
        assert bytes(state).startswith(sealed.PREFIX_BYTES)
        assert "trivsel" not in "".join((*raw, response, title)) and b"trivsel" not in bytes(state)
        item = db.session.get(AgendaItem, 1)
        assert (item.notes, item.title) == (NOTE, {"da": "Gammelt punkt"})
        assert db.session.get(NoteDocument, 1).state == NOTE.encode()
        assert db.session.get(IdempotencyRecord, 1).response == {"notes": NOTE}
        assert db.session.get(Conversation, 1).title == "Gammel titel"
        db.session.remove()

        downgrade(revision=BEFORE)
        with db.engine.connect() as conn:
            notes, title = conn.execute(text("SELECT notes, title FROM agenda_items")).one()
            state = conn.execute(text("SELECT state FROM note_documents")).scalar_one()
            response = conn.execute(
                select(Table("idempotency_records", MetaData(), autoload_with=conn).c.response)
            ).scalar_one()
        assert notes == NOTE and bytes(state) == NOTE.encode()
        assert (json.loads(title) if isinstance(title, str) else title) == {"da": "Gammelt punkt"}
        assert (json.loads(response) if isinstance(response, str) else response) == {"notes": NOTE}
        downgrade(revision="base")
        db.engine.dispose()
