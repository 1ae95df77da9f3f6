"""The in-process background work inside `mus serve` (each worker) and `mus run`: the retention run,
and the jobs of `JOBS` (calendar, reminders ...).

The retention run:

A daemon thread wakes every `Settings.purge_interval_minutes` and runs the retention run
(`services.retention.do_purge`). Several workers and instances each have one; the lease row in the
database lets only one of them purge per interval: the holder takes the lease for the whole interval
and keeps it (renewing it on its next turn), so the others find it held until one interval after a
holder stopped. `mus purge` (cron) takes the same lease, for the run only."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
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


# --- The jobs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """Background work run every `interval` in every process that runs jobs (each worker of each
    instance; or by cron through its own CLI command with MUS_JOBS=0). A job must be safe to run in
    several processes at once: it claims its work in the database."""

    name: str
    interval: timedelta
    run: Callable[[Flask], object]


# One entry per job; each branch of work adds its own.
JOBS: tuple[Job, ...] = ()


class JobScheduler:
    """One daemon thread running each job when it is due; a failing job is logged and tried again at
    its next turn, the server keeps serving."""

    def __init__(self, app: Flask, jobs: tuple[Job, ...], *, first_delay: timedelta | None = None) -> None:
        self.app = app
        self.jobs = jobs
        self.first_delay = first_delay if first_delay is not None else timedelta(seconds=30)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_due(self, due: dict[str, float], now: float) -> float:
        """Run the jobs due at `now`; the seconds until the next one is due."""
        for job in self.jobs:
            if due[job.name] <= now:
                try:
                    with self.app.app_context():
                        job.run(self.app)
                except Exception:
                    log.exception("background job %s failed", job.name)
                due[job.name] = time.monotonic() + job.interval.total_seconds()
        return max(0.5, min(due.values()) - time.monotonic())

    def _loop(self) -> None:
        start = time.monotonic() + self.first_delay.total_seconds()
        due = {job.name: start for job in self.jobs}
        wait = self.first_delay.total_seconds()
        while not self._stop.wait(wait):
            wait = self.run_due(due, time.monotonic())

    def start(self) -> JobScheduler:
        if self._thread is None and self.jobs:
            self._thread = threading.Thread(target=self._loop, name="mus-jobs", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float | None = 10) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


def start_jobs(app: Flask, jobs: tuple[Job, ...] | None = None) -> JobScheduler | None:
    """Start this process's job thread, unless switched off (MUS_JOBS=0, when cron runs them)."""
    if not app.extensions["mus.settings"].jobs:
        return None
    scheduler = JobScheduler(app, JOBS if jobs is None else jobs).start()
    app.extensions["mus.jobs"] = scheduler
    return scheduler


def start_background(app: Flask) -> None:
    """Everything a serving process runs beside the requests."""
    start_scheduler(app)
    start_jobs(app)
