"""Row locks for co-edited records, the same on SQLite and PostgreSQL as far as a use case can tell."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from .live import NoteDocument
from .records import MaintenanceLease
from .sql import insert_ignoring_conflict, is_sqlite


def locked_note_document(session: Session, item_id: int, now: datetime) -> NoteDocument:
    """The note document of an agenda item, created if missing, locked until commit (PostgreSQL:
    SELECT … FOR UPDATE). On SQLite, which has no row locks, the insert is the transaction's first
    write and takes the database's write lock, so nobody changes the note until commit."""
    locked = (
        select(NoteDocument)
        .where(NoteDocument.agenda_item_id == item_id)
        .with_for_update(of=NoteDocument)
        .execution_options(populate_existing=True)
    )
    document = None if is_sqlite(session) else session.scalar(locked)
    if document is None:
        insert_ignoring_conflict(
            session, NoteDocument, ["agenda_item_id"], agenda_item_id=item_id, state=b"", updated_at=now
        )
        document = session.scalar(locked)
    return document


def take_lease(session: Session, name: str, holder: str, now: datetime, until: datetime) -> bool:
    """Take the named lease for `holder` until `until`, unless someone else holds it now. One atomic
    UPDATE takes a free or expired lease (or renews one's own); the first take ever inserts the row
    (INSERT … ON CONFLICT DO NOTHING). Two takers at once: the database serialises the writes
    (PostgreSQL re-checks the UPDATE's condition on the row the other committed; SQLite has one
    writer), so exactly one holds it. Commit at once: the lease is seen by others only then."""
    take = (
        update(MaintenanceLease)
        .where(
            MaintenanceLease.name == name,
            or_(MaintenanceLease.expires_at <= now, MaintenanceLease.holder == holder),
        )
        .values(holder=holder, expires_at=until)
        .execution_options(synchronize_session=False)
    )
    if session.execute(take).rowcount == 1:
        return True
    insert_ignoring_conflict(session, MaintenanceLease, ["name"], name=name, holder=holder, expires_at=until)
    current = session.scalar(
        select(MaintenanceLease.holder)
        .where(MaintenanceLease.name == name)
        .execution_options(populate_existing=True)
    )
    return current == holder


def release_lease(session: Session, name: str, holder: str, now: datetime) -> None:
    """Give the lease back early (only its holder can)."""
    session.execute(
        update(MaintenanceLease)
        .where(MaintenanceLease.name == name, MaintenanceLease.holder == holder)
        .values(expires_at=now)
        .execution_options(synchronize_session=False)
    )
