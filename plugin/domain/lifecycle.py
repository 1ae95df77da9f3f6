"""The conversation lifecycle: planned -> preparing -> in meeting -> reviewing -> agreed."""

from __future__ import annotations

from enum import StrEnum

from .errors import Conflict


class ConversationKind(StrEnum):
    MUS = "mus"
    CHECKIN = "checkin"


class Status(StrEnum):
    PLANNED = "planned"
    PREPARING = "preparing"
    IN_MEETING = "in_meeting"
    REVIEWING = "reviewing"
    AGREED = "agreed"


# Agreed is reached only through both approvals of an agreement version, never by request;
# it is left again (back to reviewing) when a later change opens a new agreement version.
_ALLOWED: dict[Status, frozenset[Status]] = {
    Status.PLANNED: frozenset({Status.PREPARING, Status.IN_MEETING}),
    Status.PREPARING: frozenset({Status.IN_MEETING}),
    Status.IN_MEETING: frozenset({Status.REVIEWING}),
    Status.REVIEWING: frozenset({Status.IN_MEETING, Status.AGREED}),
    Status.AGREED: frozenset({Status.REVIEWING}),
}

# Transitions a participant may ask for directly. Entering and leaving "agreed" follow from the
# agreement alone: both approvals lock a version, and a changed new version reopens the review.
REQUESTABLE: dict[Status, frozenset[Status]] = {
    source: frozenset() if source is Status.AGREED else targets - {Status.AGREED}
    for source, targets in _ALLOWED.items()
}


def can_transition(source: Status, target: Status) -> bool:
    return target in _ALLOWED[source]


def check_transition(source: Status, target: Status, *, requested: bool = True) -> None:
    allowed = REQUESTABLE[source] if requested else _ALLOWED[source]
    if target not in allowed:
        raise Conflict(
            "invalid_transition",
            field="status",
            params={"source": source.value, "target": target.value},
        )
