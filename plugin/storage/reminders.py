from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, and_, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

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


def _due(now: datetime):
    """Claimable: pending and due, or claimed by a run whose claim expired (it crashed)."""
    return or_(
        and_(Reminder.status == "pending", Reminder.next_attempt_at <= now),
        and_(Reminder.status == "sending", Reminder.claimed_until < now),
    )


def insert_new(session: Session, rows: list[dict]) -> int:
    """Insert the reminders whose key is not stored yet; existing keys are left alone (also when a
    concurrent run inserts the same key at the same moment). Returns how many were new."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - the app runs on PostgreSQL and SQLite only
        raise RuntimeError(f"unsupported database {dialect}")
    new = 0
    for row in rows:  # one statement per row: each returns its id only when it inserted
        statement = (
            insert(Reminder)
            .values(**row)
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(Reminder.id)
        )
        # Counted from RETURNING, not rowcount: through the ORM session the insert's rowcount is not
        # the driver's (psycopg reported 0 for every new row on PostgreSQL).
        new += len(session.execute(statement).all())
    return new


def claim(session: Session, *, holder: str, now: datetime, until: datetime, limit: int) -> list[int]:
    """Claim up to `limit` due reminders for `holder` until `until`; each is claimed by one run only.
    PostgreSQL: the rows are locked with FOR UPDATE SKIP LOCKED (a concurrent run skips them, then
    finds them claimed). SQLite: one conditional UPDATE per row, claimed only when it changed the row
    (SQLite runs one writer at a time, so the condition is checked and set atomically)."""
    changes = {
        "status": "sending",
        "claimed_by": holder,
        "claimed_until": until,
        "attempts": Reminder.attempts + 1,
    }
    if session.get_bind().dialect.name == "postgresql":
        ids = list(
            session.scalars(
                select(Reminder.id)
                .where(_due(now))
                .order_by(Reminder.next_attempt_at, Reminder.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        if ids:
            session.execute(update(Reminder).where(Reminder.id.in_(ids)).values(**changes))
        return ids
    candidates = list(
        session.scalars(
            select(Reminder.id).where(_due(now)).order_by(Reminder.next_attempt_at, Reminder.id).limit(limit)
        )
    )
    claimed = []
    for reminder_id in candidates:
        result = session.execute(
            update(Reminder).where(Reminder.id == reminder_id, _due(now)).values(**changes)
        )
        if result.rowcount == 1:
            claimed.append(reminder_id)
    return claimed


def finish(session: Session, reminder_id: int, *, holder: str, **values: object) -> bool:
    """Settle a reminder this run still holds (sent, failed, or back to pending)."""
    result = session.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.status == "sending", Reminder.claimed_by == holder)
        .values(claimed_by=None, claimed_until=None, **values)
    )
    return result.rowcount == 1
