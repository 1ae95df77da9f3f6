from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .types import UTCDateTime, utcnow


class Tenant(db.Model):
    __tablename__ = "tenants"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # Entra tenant id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Person(db.Model):
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("tenant_id", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    object_id: Mapped[str] = mapped_column(String(36))  # Entra object id (oid)
    display_name: Mapped[str] = mapped_column(String(256), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    locale: Mapped[str] = mapped_column(String(16), default="da-dk")
    signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # erasure: name and e-mail gone
    # When the directory stopped knowing the person (they left the organisation); their history is
    # kept per the retention rules. Cleared when the directory knows them again.
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def left(self) -> bool:
        return self.left_at is not None
