from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .types import UTCDateTime, utcnow


class CalendarSync(db.Model):
    """The outbox of one follow-up's calendar event (the manager's calendar, the employee invited).

    Written in the same transaction as the change it follows (the agreement locked, a follow-up
    added, changed or removed, the conversation deleted); the calendar job sends it to Graph outside
    any transaction. `action` is what Graph must do next (create, update, cancel), `generation` rises
    with every change, so a job that sent an older generation leaves the row pending. No foreign
    keys to the follow-up or the conversation: a cancellation must outlive both. Holds no content:
    the subject is read from the follow-up when it is sent."""

    __tablename__ = "calendar_syncs"
    __table_args__ = (Index("ix_calendar_syncs_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[int] = mapped_column(index=True)
    follow_up_id: Mapped[int] = mapped_column(unique=True)
    owner_object_id: Mapped[str] = mapped_column(String(36))  # the organiser (the manager's oid)
    action: Mapped[str] = mapped_column(String(8))  # create | update | cancel
    status: Mapped[str] = mapped_column(String(24), default="pending")  # pending|done|failed_permanently
    event_id: Mapped[str | None] = mapped_column(String(512))
    transaction_id: Mapped[str] = mapped_column(String(64))  # Graph's idempotency key for the create
    sent: Mapped[bool] = mapped_column(default=False)  # a create was ever handed to Graph
    generation: Mapped[int] = mapped_column(default=1)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
