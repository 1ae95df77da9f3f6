"""The retry job of planned conversations whose Teams meeting is still pending (Graph was down when
they were planned): in the scheduler's JOBS (`mus serve`/`mus run`) and `mus calendar-retry` (cron).
It acts with the app's own token (`app_graph_for`, application permission Calendars.ReadWrite) in the
planner's calendar; the use case claims each conversation in the database, so several processes may
run it at once."""

from __future__ import annotations

import logging

from flask import Flask

from .services import planning
from .storage.setup import new_unit_of_work

log = logging.getLogger(__name__)


def retry_calendars(app: Flask) -> planning.RetryReport:
    from .identity import app_graph_for

    with app.app_context():
        report = planning.retry_pending_calendars(
            new_unit_of_work(app), lambda tenant_id: app_graph_for(app, tenant_id)
        )
    if report.claimed:
        log.info(
            "calendar retry: %d claimed, %d created, %d still pending, %d not permitted",
            report.claimed,
            report.created,
            report.still_pending,
            report.not_permitted,
        )
    return report
