"""An organisation's own settings: one row per tenant (absent: the defaults of
`plugin.domain.org_settings`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .types import UTCDateTime, utcnow


class OrgSettingsRecord(db.Model):
    __tablename__ = "org_settings"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    mus_interval_months: Mapped[int]
    checkin_interval_weeks: Mapped[int | None]  # None: no check-ins by default
    reminder_lead_days: Mapped[int]
    agreement_retention_months: Mapped[int | None]  # None: agreed conversations kept (until erasure)
    notes_retention_days: Mapped[int]
    default_mus_template: Mapped[str | None] = mapped_column(String(64))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
