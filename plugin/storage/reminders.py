from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .types import UTCDateTime, utcnow


class Reminder(db.Model):
    """One reminder to one person, stored once under its natural key (see `domain.reminders`).

    pending -> sending (claimed by one job run until `claimed_until`) -> sent | failed; a claim that
    expired (the run crashed) is taken again. No foreign key to the conversation: the retention run
    may delete it, and then the reminder is dropped (status failed) when its turn comes. Holds ids
    only, no content: the text is written when it is sent, in the recipient's language then."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int]
    conversation_id: Mapped[int] = mapped_column(index=True)
    recipient_id: Mapped[int] = mapped_column(index=True)
    other_id: Mapped[int]
    occasion: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    channel: Mapped[str | None] = mapped_column(String(16))  # "activity" | "mail"
    last_error: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
