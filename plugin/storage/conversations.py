from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import db
from .sealed import SealedJSON, SealedText
from .types import UTCDateTime, utcnow


class Conversation(db.Model):
    __tablename__ = "conversations"
    # HR's coverage counts (services.coverage, coverage_units): each figure reads only the index
    # entries of its own window (agreed since, or open and scheduled), never the years of history.
    __table_args__ = (
        Index("ix_conversations_agreed", "tenant_id", "kind", "status", "updated_at", "employee_id"),
        Index("ix_conversations_scheduled", "tenant_id", "kind", "status", "scheduled_at", "employee_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    employee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    template_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(SealedText, default="")
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    meeting_id: Mapped[str | None] = mapped_column(String(512), index=True)
    chat_id: Mapped[str | None] = mapped_column(String(512))
    join_url: Mapped[str | None] = mapped_column(String(2048))
    meeting_ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    agreement_number: Mapped[int] = mapped_column(default=0)  # the last agreement version drafted
    # How the manager/employee pair was checked: "directory" (matches Graph's manager relation),
    # "confirmed" (a mismatch a party confirmed explicitly), "unchecked" (no meeting, or Graph down).
    relationship_check: Mapped[str] = mapped_column(
        String(16), default="unchecked", server_default="unchecked"
    )
    # Planned ahead (from the personal tab): how long, and the Teams meeting in both calendars, made
    # through Graph in the planner's calendar (`created_by_id`). calendar_status: none / created /
    # pending (the retry job makes it; it claims the row until calendar_claimed_until) / not_permitted.
    duration_minutes: Mapped[int | None] = mapped_column()
    calendar_event_id: Mapped[str | None] = mapped_column(String(512))
    calendar_status: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    calendar_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    calendar_claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Indexed for the reminders' look-up of the active pairs (services.reminders._overdue_check_ins).
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    employee = relationship("Person", foreign_keys=[employee_id], lazy="joined")
    manager = relationship("Person", foreign_keys=[manager_id], lazy="joined")
    created_by = relationship("Person", foreign_keys=[created_by_id], lazy="joined")
    agenda = relationship(
        "AgendaItem", order_by="AgendaItem.position", back_populates="conversation", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def ends_at(self) -> datetime | None:
        if self.scheduled_at is None or self.duration_minutes is None:
            return None
        return self.scheduled_at + timedelta(minutes=self.duration_minutes)

    @property
    def meeting(self) -> SimpleNamespace:
        return SimpleNamespace(meeting_id=self.meeting_id, chat_id=self.chat_id, join_url=self.join_url)


class AgendaItem(db.Model):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    position: Mapped[int]
    section_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[dict] = mapped_column(SealedJSON)  # {"da": ..., "en": ...}
    tools: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(SealedText, default="")
    notes_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    version: Mapped[int] = mapped_column(default=1)

    conversation = relationship("Conversation", back_populates="agenda")
    talking_points = relationship(
        "TalkingPoint", order_by="TalkingPoint.id", lazy="selectin", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def notes_removed(self) -> bool:
        return self.notes_removed_at is not None


class TalkingPoint(db.Model):
    __tablename__ = "talking_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    text: Mapped[str] = mapped_column(SealedText)
    preparation_id: Mapped[int | None] = mapped_column(ForeignKey("preparation_items.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("Person", lazy="joined")

    @property
    def from_preparation(self) -> bool:
        return self.preparation_id is not None


class PreparationItem(db.Model):
    """Private preparation: visible to its author only."""

    __tablename__ = "preparation_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    prompt_key: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(SealedText, default="")
    promoted_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
