"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, make_url, text

from plugin import create_app
from plugin.storage.db import db
from tests.conftest import make_settings


@pytest.fixture
def empty_database_url(tmp_path):
    admin = os.environ.get("MUS_TEST_DATABASE_URL")
    if not admin:
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    name = f"mus_migrate_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def test_upgrade_matches_the_models_and_downgrade_empties(authority, empty_database_url, tmp_path):
    app = create_app(make_settings(authority, empty_database_url, tmp_path / "instance"))
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []
        assert "conversations" in inspect(db.engine).get_table_names()
        downgrade(revision="base")
        remaining = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert remaining == set()
        db.engine.dispose()
