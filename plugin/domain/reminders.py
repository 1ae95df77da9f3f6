"""Reminders: which ones are due at a given moment, and the key that makes each one happen once.

Pure rules over plain values; the service reads the conversations and follow-ups, asks `due_at` what
is due now and stores each answer under its natural key (kind, subject, recipient, occasion), so the
same reminder is never stored, and so never sent, twice.

Days are counted in the organisation's time zone (`zone`): a follow-up due on 7 December is due from
midnight in Copenhagen, not from midnight UTC.

Sources (each a function below; `due_at` joins them):
- `prepare`: a planned MUS within the next 5 days, a planned check-in within the next day;
- `check_in_due`: a planned check-in today (then no separate `prepare` for it the same day);
- `follow_up_due` from the due date, `follow_up_overdue` from 7 days after it, each once, for the
  follow-ups of a locked agreement; a late catch-up window keeps an old backlog from flooding anyone;
- `check_in_overdue`: by the employee's cadence (their own, or the organisation's default), the next
  check-in lies in the past and none is planned: the manager, once per due date;
- `approved` / `changes_requested`: event-driven, `on_decision` when one party decides on an
  agreement version: for the other party."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from .errors import InvalidInput


class Kind(StrEnum):
    PREPARE = "prepare"
    CHECK_IN_DUE = "check_in_due"
    FOLLOW_UP_DUE = "follow_up_due"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    CHECK_IN_OVERDUE = "check_in_overdue"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


class Subject(StrEnum):
    CONVERSATION = "conversation"
    FOLLOW_UP = "follow_up"
    AGREEMENT_VERSION = "agreement_version"
    PAIR = "pair"  # an employee with their manager (subject id: the employee)


# How long before a planned conversation the parties are asked to prepare, per conversation kind.
PREPARE_BEFORE = {"mus": timedelta(days=5), "checkin": timedelta(days=1)}
OVERDUE_AFTER_DAYS = 7
# A follow-up reminder not sent within this many days of its occasion (the job was down, or the
# agreement was locked late) is not sent any more: a reminder weeks late helps nobody.
CATCH_UP_DAYS = 7
# Conversations that still lie ahead: reminders about them make sense.
OPEN_STATUSES = frozenset({"planned", "preparing"})


@dataclass(frozen=True)
class Planned:
    """A planned conversation as the rules see it."""

    conversation_id: int
    kind: str  # "mus" | "checkin"
    status: str
    scheduled_at: datetime | None  # aware
    employee_id: int
    manager_id: int
    prepare_days: int | None = None  # the organisation's lead for a MUS (None: PREPARE_BEFORE)


@dataclass(frozen=True)
class OverdueCheckIn:
    """A pair whose next check-in, by the employee's cadence, was due before today, none planned."""

    employee_id: int
    manager_id: int
    conversation_id: int  # the pair's latest conversation (the reminder links to it)
    due_on: date


@dataclass(frozen=True)
class FollowUpDate:
    """A follow-up date of a locked agreement."""

    follow_up_id: int
    conversation_id: int
    due_on: date
    employee_id: int
    manager_id: int


@dataclass(frozen=True)
class Due:
    """One reminder to one person. `key` is unique for ever: the same reminder is sent once."""

    kind: Kind
    subject: Subject
    subject_id: int
    recipient_id: int
    other_id: int  # the other party, named in the text
    occasion: str  # the date (ISO) or agreement version ("v3") the reminder is about
    conversation_id: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject}:{self.subject_id}:{self.recipient_id}:{self.occasion}"


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise InvalidInput("naive_datetime")
    return moment


def _both(
    kind: Kind, subject: Subject, subject_id: int, conversation_id: int, occasion: str, a: int, b: int
) -> list[Due]:
    return [
        Due(kind, subject, subject_id, a, b, occasion, conversation_id),
        Due(kind, subject, subject_id, b, a, occasion, conversation_id),
    ]


def prepare(now: datetime, planned: Iterable[Planned], zone: tzinfo) -> list[Due]:
    """Both parties of a conversation that starts within its kind's preparation window (and has not
    started yet). A check-in that is today gets `check_in_due` instead."""
    now = _aware(now)
    today = now.astimezone(zone).date()
    found: list[Due] = []
    for item in planned:
        if item.status not in OPEN_STATUSES or item.scheduled_at is None:
            continue
        window = PREPARE_BEFORE.get(item.kind)
        if item.kind == "mus" and item.prepare_days:
            window = timedelta(days=item.prepare_days)
        start = _aware(item.scheduled_at)
        if window is None or not now < start <= now + window:
            continue
        day = start.astimezone(zone).date()
        if item.kind == "checkin" and day == today:
            continue  # check_in_due covers it
        found += _both(
            Kind.PREPARE,
            Subject.CONVERSATION,
            item.conversation_id,
            item.conversation_id,
            day.isoformat(),
            item.employee_id,
            item.manager_id,
        )
    return found


def check_in_due(now: datetime, planned: Iterable[Planned], zone: tzinfo) -> list[Due]:
    """Both parties of a check-in planned for today (in `zone`)."""
    today = _aware(now).astimezone(zone).date()
    found: list[Due] = []
    for item in planned:
        if item.kind != "checkin" or item.status not in OPEN_STATUSES or item.scheduled_at is None:
            continue
        if _aware(item.scheduled_at).astimezone(zone).date() != today:
            continue
        found += _both(
            Kind.CHECK_IN_DUE,
            Subject.CONVERSATION,
            item.conversation_id,
            item.conversation_id,
            today.isoformat(),
            item.employee_id,
            item.manager_id,
        )
    return found


def follow_ups(now: datetime, dates: Iterable[FollowUpDate], zone: tzinfo) -> list[Due]:
    """Both parties: `follow_up_due` from the due date, `follow_up_overdue` from 7 days after it."""
    today = _aware(now).astimezone(zone).date()
    found: list[Due] = []
    for item in dates:
        overdue_on = item.due_on + timedelta(days=OVERDUE_AFTER_DAYS)
        if item.due_on <= today < item.due_on + timedelta(days=CATCH_UP_DAYS):
            kind, occasion = Kind.FOLLOW_UP_DUE, item.due_on
        elif overdue_on <= today < overdue_on + timedelta(days=CATCH_UP_DAYS):
            kind, occasion = Kind.FOLLOW_UP_OVERDUE, item.due_on
        else:
            continue
        found += _both(
            kind,
            Subject.FOLLOW_UP,
            item.follow_up_id,
            item.conversation_id,
            occasion.isoformat(),
            item.employee_id,
            item.manager_id,
        )
    return found


def check_in_overdue(now: datetime, pairs: Iterable[OverdueCheckIn], zone: tzinfo) -> list[Due]:
    """The manager of each pair whose check-in is overdue (it is the manager who plans it), once per
    due date: a check-in held or planned since moves the due date, and with it the key."""
    today = _aware(now).astimezone(zone).date()
    return [
        Due(
            Kind.CHECK_IN_OVERDUE,
            Subject.PAIR,
            item.employee_id,
            item.manager_id,
            item.employee_id,
            item.due_on.isoformat(),
            item.conversation_id,
        )
        for item in pairs
        if item.due_on < today
    ]


def due_at(
    now: datetime,
    *,
    planned: Iterable[Planned] = (),
    follow_up_dates: Iterable[FollowUpDate] = (),
    overdue_check_ins: Iterable[OverdueCheckIn] = (),
    zone: tzinfo,
) -> list[Due]:
    """Every time-driven reminder due at `now`. Add a new source here."""
    planned = list(planned)
    return [
        *prepare(now, planned, zone),
        *check_in_due(now, planned, zone),
        *follow_ups(now, follow_up_dates, zone),
        *check_in_overdue(now, overdue_check_ins, zone),
    ]


def on_decision(
    *,
    decision: str,
    version_id: int,
    version_number: int,
    conversation_id: int,
    decided_by: int,
    other: int,
) -> Due:
    """The reminder for the OTHER party when one party approved or asked for changes on a version.
    A party may change their decision on the same version (changes requested, then approved): each
    decision is its own reminder."""
    kind = Kind(decision)
    if kind not in (Kind.APPROVED, Kind.CHANGES_REQUESTED):
        raise InvalidInput("reminder_kind")
    if decided_by == other:
        raise InvalidInput("reminder_recipient")
    return Due(
        kind,
        Subject.AGREEMENT_VERSION,
        version_id,
        other,
        decided_by,
        f"v{version_number}",
        conversation_id,
    )
