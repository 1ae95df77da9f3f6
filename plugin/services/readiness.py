"""Readiness: can this instance serve people, reads and writes?

A `SELECT 1` answers on a full disk or a read-only database while every edit fails. The probe
therefore rewrites a one-row table and commits: on SQLite the commit writes the rollback journal
and the database file, on PostgreSQL it writes and flushes the WAL, so a disk that refuses writes
or a database in read-only mode fails the probe. (A PostgreSQL disk that is full only for new
table pages but still has WAL space is seen at the next edit, not here.)"""

from __future__ import annotations

import os
import socket

from sqlalchemy import update

from ..storage.readiness import ReadinessProbe
from ..storage.unit_of_work import UnitOfWork

PROBE = "readyz"


def do_write_probe(uow: UnitOfWork) -> None:
    """Commits one small write; raises the database's error when it cannot be stored."""
    holder = f"{socket.gethostname()}:{os.getpid()}"[:128]
    with uow:
        stamp = uow.now()
        result = uow.session.execute(
            update(ReadinessProbe).where(ReadinessProbe.name == PROBE).values(checked_at=stamp, holder=holder)
        )
        if not result.rowcount:
            uow.session.add(ReadinessProbe(name=PROBE, checked_at=stamp, holder=holder))
