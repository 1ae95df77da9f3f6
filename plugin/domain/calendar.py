"""When a follow-up sits in the calendar, and how often a failed calendar sync is tried again.

A follow-up date becomes a 30-minute slot at 09:00 in the organisation's time zone (Danish
organisations: Europe/Copenhagen), not an all-day event: an all-day event blocks nobody's day and is
easily overlooked, while a short morning slot is a reminder both see when they plan their day. The
.ics download uses the same slot, so both ways show the same time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ORGANISATION_TIME_ZONE = "Europe/Copenhagen"
SLOT_START = time(9, 0)
SLOT_LENGTH = timedelta(minutes=30)

# The calendar job: a failed call is tried again after 1, 2, 4 ... minutes, at most 6 hours apart;
# after MAX_ATTEMPTS failures in a row (about four days) the row is given up (failed_permanently).
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
MAX_ATTEMPTS = 24
# How long a job run holds a claimed row: a run that died (a crash between Graph's answer and our
# commit) leaves it to the next run after this.
CLAIM_LEASE = timedelta(minutes=2)


def follow_up_slot(due_on: date, zone: str = ORGANISATION_TIME_ZONE) -> tuple[datetime, datetime]:
    """The follow-up's slot on its date, in UTC (aware)."""
    start = datetime.combine(due_on, SLOT_START, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return start, start + SLOT_LENGTH


def retry_delay(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failure in a row (1-based)."""
    exponent = max(0, min(attempts - 1, 20))
    return min(FIRST_RETRY * (2**exponent), LONGEST_RETRY)


def gives_up(attempts: int) -> bool:
    return attempts >= MAX_ATTEMPTS
