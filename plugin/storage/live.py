"""Live collaboration: the per-conversation event log behind the live channel, the shared 'follow'
position, and the CRDT documents of the shared notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .sealed import SealedBytes, SealedJSON
from .types import UTCDateTime, utcnow


class LiveStream(db.Model):
    """One row per conversation with live activity: the sequence counter of its event log (taken
    under this row's lock in the same transaction as the change), how far the log was pruned, and
    the agenda item both parties follow."""

    __tablename__ = "live_streams"

    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0, server_default="0")
    pruned_through: Mapped[int] = mapped_column(default=0, server_default="0")
    position_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    position_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    position_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LiveEvent(db.Model):
    """A committed change, as the live channel sends it. Only shared things are logged: events
    meant for one person (a private pulse) are never stored here."""

    __tablename__ = "live_events"
    __table_args__ = (UniqueConstraint("conversation_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(48))
    data: Mapped[dict] = mapped_column(SealedJSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NoteDocument(db.Model):
    """The shared notes of an agenda item as a Yjs document (the merged state, Yjs update format
    v1); `agenda_items.notes` holds its text for every other reader."""

    __tablename__ = "note_documents"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), primary_key=True)
    state: Mapped[bytes] = mapped_column(SealedBytes, default=b"")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
