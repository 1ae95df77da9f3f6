from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import db
from .sealed import SealedJSON, SealedText
from .types import UTCDateTime, utcnow


class AgreementVersion(db.Model):
    __tablename__ = "agreement_versions"
    __table_args__ = (UniqueConstraint("conversation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    number: Mapped[int]
    snapshot: Mapped[dict] = mapped_column(SealedJSON)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    decisions = relationship(
        "AgreementDecision",
        lazy="selectin",
        cascade="all, delete-orphan",
        order_by="AgreementDecision.id",
    )


class AgreementDecision(db.Model):
    __tablename__ = "agreement_decisions"
    __table_args__ = (UniqueConstraint("version_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id"), index=True)
    party: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    decision: Mapped[str] = mapped_column(String(24))
    comment: Mapped[str] = mapped_column(SealedText, default="")
    disagreement: Mapped[bool] = mapped_column(default=False)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FollowUp(db.Model):
    """A follow-up date agreed in a conversation (becomes a calendar event)."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    title: Mapped[str] = mapped_column(SealedText)
    due_on: Mapped[date] = mapped_column(Date, index=True)  # the reminders' window of dates
    created_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class AgendaSummary(db.Model):
    """The agreed summary of one agenda item: part of the agreement both approve, co-edited by both
    parties. Prefilled from the item's notes only when both chose to keep the notes."""

    __tablename__ = "agenda_summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id"), unique=True)
    text: Mapped[str] = mapped_column(SealedText, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Consent(db.Model):
    """One party's choice on one consent question (confidentiality, keep notes, recording)."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("conversation_id", "person_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    party: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[bool]
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
