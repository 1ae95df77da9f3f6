"""Asynchronous check-ins: each party's part (answers written in their own time), the closing of a
check-in, proposed adjustments of agreed goals, and goals marked as successes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .sealed import SealedJSON, SealedText
from .types import UTCDateTime, utcnow


class CheckinResponse(db.Model):
    """One party's part of a check-in. Only its author writes it; the other party reads it once it
    is marked done. `goals` holds [{"goal_id", "percent", "note"}] (sealed like every answer)."""

    __tablename__ = "checkin_responses"
    __table_args__ = (UniqueConstraint("conversation_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    party: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="in_progress")  # in_progress / done
    goals: Mapped[list | None] = mapped_column(SealedJSON)
    blockers: Mapped[str] = mapped_column(SealedText, default="")
    pulse_score: Mapped[int | None]
    pulse_comment: Mapped[str] = mapped_column(SealedText, default="")
    pulse_shared: Mapped[bool] = mapped_column(default=False)
    next_steps: Mapped[str] = mapped_column(SealedText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class CheckinClosure(db.Model):
    """A check-in was closed (once: the conversation is the key, so a second close cannot be
    stored even when both parties close at the same moment)."""

    __tablename__ = "checkin_closures"

    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), primary_key=True)
    closed_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GoalAdjustment(db.Model):
    """A proposed change of a goal that is part of a locked agreement: it is shown in a new version
    of that agreement and applied to the goal only when both parties approve that version."""

    __tablename__ = "goal_adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"))
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    changes: Mapped[dict] = mapped_column(SealedJSON)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending / applied
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class GoalSuccess(db.Model):
    """A goal marked achieved, with a short note: a success both parties see."""

    __tablename__ = "goal_successes"

    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), primary_key=True)
    note: Mapped[str] = mapped_column(SealedText, default="")
    marked_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
