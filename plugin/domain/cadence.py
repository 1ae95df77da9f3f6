"""Cadence: how often an employee has their yearly MUS and their check-ins, and what is due when.

Per employee, their manager sets the MUS interval in months (6 to 24) and a check-in interval in
weeks (2, 4, 6, 8 or 12, or none). From the history (the last MUS held, the last conversation held,
what is planned) the rules say when the next one is due and how it stands:

- `planned`: one is planned (not held yet), whatever the dates say;
- `overdue`: the due date has passed;
- `due`: the due date is within the window (14 days for a MUS, 3 days for a check-in);
- `ok`: later than that;
- `none`: no check-in interval is set (only for check-ins).

A MUS never held is due now (today). A check-in is due its interval after the last conversation
held of either kind (a MUS is a check-in too); never any: due now. Months are calendar months: the
day is kept, or the month's last day when the month is shorter (31 January + 1 month = 28 or 29
February). The defaults are parameters (`CadenceDefaults`): the organisation may have its own."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import InvalidInput

MUS_INTERVAL_MIN_MONTHS = 6
MUS_INTERVAL_MAX_MONTHS = 24
CHECK_IN_INTERVALS_WEEKS = (2, 4, 6, 8, 12)
MUS_DUE_WINDOW = timedelta(days=14)
CHECK_IN_DUE_WINDOW = timedelta(days=3)


class DueState(StrEnum):
    OK = "ok"
    DUE = "due"
    OVERDUE = "overdue"
    PLANNED = "planned"
    NONE = "none"


# What needs attention first: overdue, then due, then the rest.
ATTENTION_ORDER = {
    DueState.OVERDUE: 0,
    DueState.DUE: 1,
    DueState.PLANNED: 2,
    DueState.OK: 3,
    DueState.NONE: 4,
}


@dataclass(frozen=True)
class Cadence:
    mus_interval_months: int
    check_in_interval_weeks: int | None


@dataclass(frozen=True)
class CadenceDefaults:
    """The cadence of an employee whose manager set none (the organisation's, or these)."""

    mus_interval_months: int = 12
    check_in_interval_weeks: int | None = None

    def cadence(self) -> Cadence:
        return Cadence(self.mus_interval_months, self.check_in_interval_weeks)


DEFAULTS = CadenceDefaults()


@dataclass(frozen=True)
class History:
    """What happened and what is planned between the employee and their manager."""

    last_mus: date | None = None  # the last MUS held
    last_check_in: date | None = None  # the last check-in held
    mus_planned: bool = False  # a MUS is planned and not held yet
    check_in_planned: bool = False  # a check-in is planned and not held yet


# The statuses of a conversation that count as held (the meeting took place), and as still ahead.
HELD_STATUSES = frozenset({"in_meeting", "reviewing", "agreed"})
PLANNED_STATUSES = frozenset({"planned", "preparing"})


@dataclass(frozen=True)
class Occurrence:
    """One conversation of the pair as the cadence sees it: its kind, status and the day it was held
    (or is planned for)."""

    kind: str  # "mus" | "checkin"
    status: str
    on: date


def history_of(occurrences: list[Occurrence]) -> History:
    """The pair's history from its conversations."""
    held = [o for o in occurrences if o.status in HELD_STATUSES]
    planned = [o for o in occurrences if o.status in PLANNED_STATUSES]
    return History(
        last_mus=max((o.on for o in held if o.kind == "mus"), default=None),
        last_check_in=max((o.on for o in held if o.kind == "checkin"), default=None),
        mus_planned=any(o.kind == "mus" for o in planned),
        check_in_planned=any(o.kind == "checkin" for o in planned),
    )


@dataclass(frozen=True)
class Due:
    due_on: date | None
    state: DueState


@dataclass(frozen=True)
class CadenceStatus:
    mus: Due
    check_in: Due

    @property
    def attention(self) -> int:
        """Lower needs attention sooner: the more urgent of the two states."""
        return min(ATTENTION_ORDER[self.mus.state], ATTENTION_ORDER[self.check_in.state])


def check_cadence(mus_interval_months: int, check_in_interval_weeks: int | None) -> Cadence:
    """A cadence within the allowed intervals, or a 422 naming the field."""
    if (
        isinstance(mus_interval_months, bool)
        or not isinstance(mus_interval_months, int)
        or not MUS_INTERVAL_MIN_MONTHS <= mus_interval_months <= MUS_INTERVAL_MAX_MONTHS
    ):
        raise InvalidInput(
            "cadence_mus_interval",
            field="mus_interval_months",
            params={"min": MUS_INTERVAL_MIN_MONTHS, "max": MUS_INTERVAL_MAX_MONTHS},
        )
    if check_in_interval_weeks is not None and (
        isinstance(check_in_interval_weeks, bool) or check_in_interval_weeks not in CHECK_IN_INTERVALS_WEEKS
    ):
        raise InvalidInput(
            "cadence_check_in_interval",
            field="check_in_interval_weeks",
            params={"allowed": ", ".join(str(w) for w in CHECK_IN_INTERVALS_WEEKS)},
        )
    return Cadence(mus_interval_months, check_in_interval_weeks)


def add_months(day: date, months: int) -> date:
    """`day` plus calendar months; the month's last day when it has no such day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _state(due_on: date, today: date, window: timedelta, planned: bool) -> DueState:
    if planned:
        return DueState.PLANNED
    if due_on < today:
        return DueState.OVERDUE
    if due_on - today <= window:
        return DueState.DUE
    return DueState.OK


def assess(
    cadence: Cadence | None,
    history: History,
    today: date,
    defaults: CadenceDefaults = DEFAULTS,
) -> CadenceStatus:
    """When the next MUS and check-in are due, and how each stands on `today`."""
    cadence = cadence or defaults.cadence()
    mus_due = add_months(history.last_mus, cadence.mus_interval_months) if history.last_mus else today
    mus = Due(mus_due, _state(mus_due, today, MUS_DUE_WINDOW, history.mus_planned))
    if cadence.check_in_interval_weeks is None:
        check_in = Due(None, DueState.NONE)
    else:
        held = [d for d in (history.last_mus, history.last_check_in) if d is not None]
        check_in_due = max(held) + timedelta(weeks=cadence.check_in_interval_weeks) if held else today
        planned = history.check_in_planned or history.mus_planned
        check_in = Due(check_in_due, _state(check_in_due, today, CHECK_IN_DUE_WINDOW, planned))
    return CadenceStatus(mus, check_in)
