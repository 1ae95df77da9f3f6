"""Asynchronous check-ins: each party fills in their own part in their own time, marks it done,
and once both parts are done either party closes the check-in.

A part is seen by the other party only when its author marked it done. Closing records each
party's progress values on the goals (once). A change of a goal that is part of a locked agreement
is a proposal: it opens a new agreement version and is applied when both approve that version."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .errors import Conflict, InvalidInput
from .goals import GoalStatus
from .lifecycle import ConversationKind, Status, can_transition


class PartState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


# The goal fields a check-in may propose to adjust.
ADJUSTABLE_FIELDS = ("title", "measure", "deadline", "status")

# Statuses the check-in passes through to be "held" when it is closed: it was held (in_meeting),
# and is over (reviewing), as the lifecycle has it for a meeting.
HELD_PATH = (Status.IN_MEETING, Status.REVIEWING)


def check_is_checkin(kind: str) -> None:
    if kind != ConversationKind.CHECKIN.value:
        raise Conflict("checkin_not_a_checkin")


def check_can_write(state: PartState, *, closed: bool) -> None:
    """A party writes their part until they mark it done, and never after the check-in closed."""
    if closed:
        raise Conflict("checkin_closed")
    if state is PartState.DONE:
        raise Conflict("checkin_part_done")


def check_can_close(states: Mapping[str, PartState], *, closed: bool) -> None:
    if closed:
        raise Conflict("checkin_closed")
    waiting = [party for party, state in states.items() if state is not PartState.DONE]
    if waiting:
        raise Conflict("checkin_not_ready", params={"parties": ", ".join(sorted(waiting))})


def held_transitions(current: Status) -> list[Status]:
    """The statuses to apply, in order, so that a closed check-in ends as held (reviewing), by the
    lifecycle's own rules; a conversation already past it stays where it is."""
    path: list[Status] = []
    status = current
    for target in HELD_PATH:
        if status is target or status in (Status.REVIEWING, Status.AGREED):
            continue
        if can_transition(status, target):
            path.append(target)
            status = target
    return path


def check_adjustment(changes: Mapping[str, object]) -> None:
    """An adjustment names at least one adjustable field; a title is never empty."""
    unknown = [field for field in changes if field not in ADJUSTABLE_FIELDS]
    if unknown:
        raise InvalidInput("adjustment_field_unknown", field=unknown[0])
    if not changes:
        raise InvalidInput("adjustment_empty")
    if "title" in changes and not str(changes["title"] or "").strip():
        raise InvalidInput("adjustment_title_empty", field="title")
    if "status" in changes:
        GoalStatus(str(changes["status"]))


def check_success_note(note: str) -> None:
    if not note.strip():
        raise InvalidInput("success_note_empty", field="note")
