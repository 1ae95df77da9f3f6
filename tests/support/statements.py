"""Count the SQL statements a call sends to the database (SQLAlchemy's before_cursor_execute)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event

from plugin.storage.db import db


@contextmanager
def recorded(app) -> Iterator[list[str]]:
    """The statements sent while the block runs, in order."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def count_statements(app, call: Callable[[], object]) -> int:
    with recorded(app) as statements:
        call()
    return len(statements)
