"""The readiness probe's one-row table: `/readyz` rewrites its row and commits, proving that the
database accepts a durable write (a full disk or a read-only database fails here, not only on a
person's edit)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .db import db
from .types import UTCDateTime


class ReadinessProbe(db.Model):
    __tablename__ = "readiness_probes"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    holder: Mapped[str] = mapped_column(String(128))
