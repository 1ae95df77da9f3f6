"""The background job thread: each job runs when due, a failing job does not stop the others, and
MUS_JOBS=0 (cron runs the jobs) starts nothing."""

from __future__ import annotations

import threading
from datetime import timedelta

from plugin.scheduler import Job, JobScheduler, start_jobs


def test_jobs_run_when_due_and_a_failing_one_does_not_stop_the_others(app):
    ran = threading.Event()
    turns = []

    def broken(_app):
        turns.append("broken")
        raise RuntimeError("boom")

    def working(the_app):
        assert the_app is app
        turns.append("working")
        ran.set()

    jobs = (Job("broken", timedelta(hours=1), broken), Job("working", timedelta(hours=1), working))
    scheduler = JobScheduler(app, jobs, first_delay=timedelta(0)).start()
    try:
        assert ran.wait(30)
    finally:
        scheduler.stop()
    assert turns[:2] == ["broken", "working"]


def test_run_due_runs_only_the_jobs_that_are_due(app):
    turns = []
    jobs = (
        Job("now", timedelta(minutes=5), lambda _app: turns.append("now")),
        Job("later", timedelta(minutes=5), lambda _app: turns.append("later")),
    )
    scheduler = JobScheduler(app, jobs)
    wait = scheduler.run_due({"now": 0.0, "later": float("inf")}, now=1.0)
    assert turns == ["now"]
    assert wait > 0


def test_the_jobs_are_off_when_cron_runs_them(settings):
    from plugin import create_app

    off = create_app(settings.with_changes(jobs=False))
    assert start_jobs(off, (Job("x", timedelta(minutes=1), lambda _app: None),)) is None
    assert "mus.jobs" not in off.extensions
