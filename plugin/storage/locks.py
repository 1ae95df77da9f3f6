"""Row locks for co-edited records, the same on SQLite and PostgreSQL as far as a use case can tell."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .live import NoteDocument
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
