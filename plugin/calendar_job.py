"""The calendar job: sends the follow-ups' pending calendar events (`services.calendar_sync`) to
Graph with an app-only token of each organisation (`Calendars.ReadWrite`, application permission,
the manager's calendar as the organiser's). Runs in the in-process scheduler of `mus serve` and
`mus run` (each process; the rows are claimed, so several at once are safe), after a request that
changed follow-ups (that conversation only, best effort), and as `mus calendar sync` for cron."""

from __future__ import annotations

import logging

from flask import Flask

from .identity import app_graph_for
from .services import calendar_sync
from .storage.setup import new_unit_of_work

log = logging.getLogger(__name__)


def sync_calendars(app: Flask, *, conversation_id: int | None = None) -> calendar_sync.SyncReport:
    with app.app_context():
        report = calendar_sync.run_pending(
            new_unit_of_work(app),
            lambda tenant_id: app_graph_for(app, tenant_id),
            conversation_id=conversation_id,
        )
    if report.sent or report.retried or report.denied:
        log.info(
            "calendar sync: %d created, %d updated, %d cancelled, %d to retry, %d not permitted",
            report.created,
            report.updated,
            report.cancelled,
            report.retried,
            report.denied,
        )
    return report
