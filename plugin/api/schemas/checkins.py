"""Asynchronous check-ins: each party's part, closing, goal adjustments and successes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field, field_validator

from ...domain.agreement import Party
from ...domain.checkins import PartState
from ...domain.goals import GoalStatus
from .common import ROW_ID_MAX, Input, LongText, Output, PersonOut, RowId, Title, Version, not_null
from .goals import GoalOut, Percent, Score

PartVersion = Annotated[
    int,
    Field(
        ge=0,
        le=ROW_ID_MAX,
        description="The version of my part the change is based on: 0 before I started it. A write "
        "based on an older version (another tab) is refused with 409 stale_version and the check-in "
        "as it is now.",
    ),
]
SuccessNote = Annotated[str, Field(min_length=1, max_length=500)]


# --- My part -----------------------------------------------------------------------------------


class GoalAnswerIn(Input):
    goal_id: RowId
    percent: Percent | None = Field(None, description="My view of the progress; null: not given.")
    note: LongText = ""


class PulseAnswerIn(Input):
    score: Score
    comment: LongText = ""
    shared: bool = Field(False, description="Shared with the other party; otherwise seen by me only.")


class PartIn(Input):
    version: PartVersion
    goals: list[GoalAnswerIn] = Field(default_factory=list, max_length=200)
    blockers: LongText = ""
    pulse: PulseAnswerIn | None = None
    next_steps: LongText = ""


class DoneIn(Input):
    version: PartVersion


class GoalAnswerOut(Output):
    goal_id: int
    percent: int | None
    note: str


class PulseAnswerOut(Output):
    score: int | None = Field(description="null: the other party kept their pulse private.")
    comment: str
    shared: bool


class AnswersOut(Output):
    goals: list[GoalAnswerOut]
    blockers: str
    pulse: PulseAnswerOut | None
    next_steps: str


class PartOut(Output):
    party: Party
    person: PersonOut
    state: PartState
    version: int
    updated_at: datetime | None
    done_at: datetime | None
    answers: AnswersOut | None = Field(
        description="Mine always; the other party's only once they marked their part done."
    )


class AdjustmentOut(Output):
    id: int
    goal_id: int
    changes: dict[str, Any] = Field(description="The proposed values of the adjusted fields.")
    proposed_by: PersonOut
    created_at: datetime
    agreement_conversation_id: int


class SuccessOut(Output):
    goal_id: int
    title: str
    note: str
    employee: PersonOut
    manager: PersonOut
    marked_by: PersonOut
    marked_at: datetime


class CheckinGoalOut(Output):
    id: int
    title: str
    measure: str
    deadline: date | None
    status: GoalStatus
    version: int
    progress_percent: int | None
    locked: bool = Field(description="Part of a locked agreement: a change is proposed, both approve it.")
    pending: AdjustmentOut | None
    success: SuccessOut | None


class CheckinOut(Output):
    conversation_id: int
    title: str
    status: str
    closed: bool
    closed_at: datetime | None
    closed_by: PersonOut | None
    can_close: bool
    goals: list[CheckinGoalOut]
    mine: PartOut
    theirs: PartOut


class CheckinSummaryOut(Output):
    conversation_id: int
    title: str
    scheduled_at: datetime | None
    employee: PersonOut
    manager: PersonOut
    my_state: PartState
    their_state: PartState
    closed: bool


class CheckinList(Output):
    items: list[CheckinSummaryOut]


class SuccessList(Output):
    items: list[SuccessOut]


# --- Goal adjustments and successes -------------------------------------------------------------


class AdjustmentIn(Input):
    version: Version
    checkin_id: RowId | None = Field(None, description="The check-in in which the adjustment is made.")
    title: Title | None = None
    measure: LongText | None = None
    deadline: date | None = Field(None, description="null clears the deadline.")
    status: GoalStatus | None = None

    _no_nulls = field_validator("title", "measure", "status")(not_null)


class AdjustmentResultOut(Output):
    applied: bool = Field(description="true: changed at once; false: proposed in a new agreement version.")
    agreement_number: int | None
    goal: GoalOut = Field(
        description="The goal as it is now (an agreed goal keeps its values until approved)."
    )
    pending: AdjustmentOut | None


class SuccessIn(Input):
    note: SuccessNote
    checkin_id: RowId | None = None
