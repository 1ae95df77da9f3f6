"""Binds the database, the migrations and the unit of work to the app."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .db import db, migrate
from .unit_of_work import UnitOfWork

MIGRATIONS = str(Path(__file__).parent / "migrations")


def init_app(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite:///") and not uri.startswith("sqlite:///:memory:"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)


def new_unit_of_work(app: Flask | None = None) -> UnitOfWork:
    """A unit of work on the app's database session; changes announced in it go to the live
    channel when one is set up (`mus.events`)."""
    ext = (app or current_app).extensions
    return UnitOfWork(
        db.session,
        ext.get("mus.events"),
        ext["mus.settings"],
        ext["mus.clock"],
        logged_reads=ext.setdefault("mus.logged_reads", {}),
    )


@contextmanager
def loaded_after_commit() -> Iterator[None]:
    """Inside: objects stay loaded after a commit, so a request's answer is rendered from what it
    just stored and read instead of reloading every object with a SELECT of its own. On the way out
    the session expires them as usual (a test's app context may outlive the request; the request's
    own session ends with it). Not for work that spans transactions (jobs, live streams)."""
    session = db.session()
    session.expire_on_commit = False
    try:
        yield
    finally:
        session.expire_on_commit = True
        session.expire_all()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # Foreign keys are off by default in SQLite. secure_delete overwrites deleted content with zeros,
    # so deleted notes do not linger in the database file's free pages (PostgreSQL: VACUUM, the
    # operator's; see the README's privacy section).
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()
