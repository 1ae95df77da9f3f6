from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import db
from .types import UTCDateTime, utcnow


class CadenceSetting(db.Model):
    """How often one employee has their MUS and their check-ins, set by their manager. An employee
    without a row has the defaults (`plugin.domain.cadence`)."""

    __tablename__ = "cadences"
    __table_args__ = (UniqueConstraint("tenant_id", "employee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    manager_id: Mapped[int] = mapped_column(ForeignKey("people.id"))  # who set it
    mus_interval_months: Mapped[int]
    check_in_interval_weeks: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    manager = relationship("Person", foreign_keys=[manager_id], lazy="joined")

    __mapper_args__ = {"version_id_col": version}
