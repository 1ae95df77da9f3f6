"""The in-process scheduler of the retention run, inside `mus serve` (each worker) and `mus run`.

A daemon thread wakes every `Settings.purge_interval_minutes` and runs the retention run
(`services.retention.do_purge`). Several workers and instances each have one; the lease row in the
database lets only one of them purge per interval: the holder takes the lease for the whole interval
and keeps it (renewing it on its next turn), so the others find it held until one interval after a
holder stopped. `mus purge` (cron) takes the same lease, for the run only."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask

from .services import retention
from .storage.setup import new_unit_of_work

log = logging.getLogger(__name__)


class PurgeScheduler:
    def __init__(self, app: Flask, interval: timedelta, *, first_delay: timedelta | None = None) -> None:
        self.app = app
        self.interval = interval
        self.first_delay = first_delay if first_delay is not None else min(interval, timedelta(minutes=1))
        self.holder = retention.holder_name()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> retention.PurgeReport:
        with self.app.app_context():
            report = retention.do_purge(
                new_unit_of_work(self.app), holder=self.holder, hold=self.interval, release=False
            )
        if report.ran:
            log.info(
                "retention run: %d conversations, %d notes, %d drafts, %d pulses, %d preparation, "
                "%d events, %d stored responses removed",
                report.conversations_deleted,
                report.notes_cleared,
                report.drafts_deleted,
                report.pulses_deleted,
                report.preparation_deleted,
                report.events_deleted,
                report.responses_deleted,
            )
        return report

    def _loop(self) -> None:
        wait = self.first_delay
        while not self._stop.wait(wait.total_seconds()):
            try:
                self.run_once()
            except Exception:  # the next turn tries again; the server keeps serving
                log.exception("retention run failed")
            wait = self.interval

    def start(self) -> PurgeScheduler:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="mus-retention", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float | None = 10) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


def start_scheduler(app: Flask) -> PurgeScheduler | None:
    """Start the retention scheduler for this process, unless switched off (interval 0)."""
    minutes = app.extensions["mus.settings"].purge_interval_minutes
    if minutes <= 0:
        return None
    scheduler = PurgeScheduler(app, timedelta(minutes=minutes)).start()
    app.extensions["mus.scheduler"] = scheduler
    return scheduler
