"""SQL that differs between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def insert_ignoring_conflict(session: Session, model: type, key: list[str], **values: Any) -> None:
    """INSERT … ON CONFLICT (key) DO NOTHING: create a row unless it exists, safe under concurrency.
    On SQLite, a first write in a transaction also takes the database's write lock until commit."""
    if is_sqlite(session):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing(index_elements=key))


def upsert(session: Session, model: type, key: list[str], update: list[str], **values: Any) -> None:
    """INSERT … ON CONFLICT (key) DO UPDATE SET the `update` columns: one statement that creates the
    row or changes it, so two first writes at the same moment cannot collide on the key."""
    if is_sqlite(session):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    statement = insert(model).values(**values)
    changes = {name: statement.excluded[name] for name in update}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changes))
