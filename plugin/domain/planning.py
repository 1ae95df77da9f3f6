"""Rules of planning a conversation ahead: how long it may last, when it may start, which
conversations are still open (so that a second one of the same kind for the same pair is asked about
first), and the stable identifiers that keep the calendar from getting the meeting twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from .errors import Conflict, InvalidInput
from .lifecycle import ConversationKind, Status

MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 180
DEFAULT_DURATION_MINUTES = {ConversationKind.MUS: 60, ConversationKind.CHECKIN: 30}

# Open: planned or under way. An agreed conversation is done (a later change reopens it as
# reviewing, which is open again).
OPEN_STATUSES = frozenset({Status.PLANNED, Status.PREPARING, Status.IN_MEETING, Status.REVIEWING})


class CalendarStatus(StrEnum):
    """Where the Teams meeting of a planned conversation stands."""

    CREATED = "created"  # in both calendars
    PENDING = "pending"  # Graph could not be reached: the retry job creates it later
    NOT_PERMITTED = "not_permitted"  # the organisation has not granted the calendar permission
    NONE = "none"  # no meeting wanted (planned in a meeting, or without a time)


class OpenConversationExists(Conflict):
    code = "open_conversation_exists"


def default_duration(kind: ConversationKind) -> int:
    return DEFAULT_DURATION_MINUTES[kind]


def check_start(starts_at: datetime, now: datetime) -> None:
    """A plan lies ahead: a start in the past (a minute's grace for the time it took to send) is refused."""
    if starts_at < now - timedelta(minutes=1):
        raise InvalidInput("plan_in_past", field="starts_at")


def check_duration(minutes: int) -> None:
    if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise InvalidInput(
            "plan_duration",
            field="duration_minutes",
            params={"min": MIN_DURATION_MINUTES, "max": MAX_DURATION_MINUTES},
        )


def is_open(status: str) -> bool:
    return status in {s.value for s in OPEN_STATUSES}


def transaction_id(conversation_id: int, created_at: datetime) -> str:
    """The calendar event's `transactionId`: the same for every attempt to create this conversation's
    meeting, so that Graph answers a retry with the event it already made (never a second one). The
    creation time keeps it unique should a database be restored or started afresh (ids repeat)."""
    return f"mus-conversation-{conversation_id}-{int(created_at.timestamp() * 1000)}"


def ics_uid(tenant_id: str, conversation_id: int, domain: str) -> str:
    return f"mus-conversation-{conversation_id}-{tenant_id}@{domain}"
