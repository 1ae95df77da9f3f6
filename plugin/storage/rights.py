"""Data rights: handing an employee's history over to a new manager, with the employee's approval."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import db
from .types import UTCDateTime, utcnow


class HandoverRequest(db.Model):
    """A new manager's access to an employee's earlier agreed conversations (read-only): requested
    by the new manager or offered by the employee; only the employee's approval grants it."""

    __tablename__ = "handover_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    from_manager_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    to_manager_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    status: Mapped[str] = mapped_column(String(16), default="requested")  # requested/approved/declined
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    employee = relationship("Person", foreign_keys=[employee_id], lazy="joined")
    from_manager = relationship("Person", foreign_keys=[from_manager_id], lazy="joined")
    to_manager = relationship("Person", foreign_keys=[to_manager_id], lazy="joined")

    @property
    def requested_by(self) -> str:
        return "employee" if self.requested_by_id == self.employee_id else "manager"
