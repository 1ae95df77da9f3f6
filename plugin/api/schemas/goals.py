"""Goals (SMART), their progress and history; development actions; feedback; the wellbeing pulse."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ...domain.agreement import Party
from ...domain.goals import ActionKind, ActionStatus, FeedbackDirection, FeedbackKind, GoalStatus
from ...domain.smart import Verdict
from .common import (
    Input,
    LongText,
    Output,
    PageOut,
    PageQuery,
    PersonOut,
    RowId,
    ShortText,
    Title,
    Version,
    not_null,
)

Percent = Annotated[
    int,
    Field(description="Progress in percent, 0 to 100.", json_schema_extra={"minimum": 0, "maximum": 100}),
]
Score = Annotated[
    int,
    Field(description="1 (very poor) to 5 (very good).", json_schema_extra={"minimum": 1, "maximum": 5}),
]
NonEmptyText = Annotated[LongText, Field(min_length=1)]


# --- SMART -----------------------------------------------------------------------------------


class SmartFields(Input):
    specific: LongText | None = Field(None, description="What exactly will be different?")
    measure: LongText | None = Field(None, description="How will you know that the goal is reached?")
    achievable: LongText | None = Field(None, description="Time, resources and support.")
    relevance: LongText | None = Field(None, description="Why the goal matters.")
    deadline: date | None = None


class FindingOut(Output):
    criterion: Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
    verdict: Verdict
    reason_code: str = Field(description="Catalogue key, e.g. smart.measurable.no_measure")
    reason: str = Field(description="The reason in the signed-in person's language.")


class SmartCheckOut(Output):
    findings: list[FindingOut]
    is_smart: bool


# --- Goals -----------------------------------------------------------------------------------


class GoalCreate(Input):
    title: Title
    specific: LongText = ""
    measure: LongText = ""
    achievable: LongText = ""
    relevance: LongText = ""
    deadline: date | None = None
    status: GoalStatus = GoalStatus.DRAFT


class GoalBase(Input):
    """The changed fields' values when the editor started (for the three-way merge)."""

    title: ShortText | None = None
    specific: LongText | None = None
    measure: LongText | None = None
    achievable: LongText | None = None
    relevance: LongText | None = None
    deadline: date | None = None
    status: GoalStatus | None = None

    _no_nulls = field_validator("title", "specific", "measure", "achievable", "relevance", "status")(not_null)


BASE_DESCRIPTION = (
    "The values of the changed fields when the editor started. With it, a change based on an older "
    "version is merged with what was saved since: text fields keep both people's words, a non-text "
    "field both changed to different values is refused (409 edit_conflict, naming each field with "
    "theirs and mine, and the current record). Without it, a change to an older version is refused."
)


class GoalPatch(Input):
    version: Version
    base: GoalBase | None = Field(None, description=BASE_DESCRIPTION)
    title: Title | None = None
    specific: LongText | None = None
    measure: LongText | None = None
    achievable: LongText | None = None
    relevance: LongText | None = None
    deadline: date | None = Field(None, description="null clears the deadline.")
    status: GoalStatus | None = Field(None, description="Mark a success with achieved.")

    _no_nulls = field_validator("title", "specific", "measure", "achievable", "relevance", "status")(not_null)


class ProgressCreate(Input):
    percent: Percent
    note: LongText = ""
    conversation_id: RowId | None = Field(
        None, description="The conversation (e.g. a check-in) in which progress was followed up."
    )


class ProgressOut(Output):
    id: int
    percent: int
    note: str
    conversation_id: int | None
    author: PersonOut
    created_at: datetime


class GoalSummary(Output):
    id: int
    conversation_id: int
    employee: PersonOut
    manager: PersonOut
    title: str
    specific: str
    measure: str
    achievable: str
    relevance: str
    deadline: date | None
    status: GoalStatus
    progress_percent: int | None = Field(description="The latest progress, null before the first.")
    progress: list[ProgressOut] = Field(
        description="Every check-in, oldest first: the percent and the note written with it."
    )
    findings: list[FindingOut]
    is_smart: bool
    created_at: datetime
    updated_at: datetime
    version: int


class GoalOut(GoalSummary):
    """One goal (the list's items carry the same fields)."""


class GoalList(PageOut):
    items: list[GoalSummary]


class GoalQuery(PageQuery):
    set_here: bool = Field(
        False,
        description="Only the goals set in this conversation (as its agreement shows them), not those of "
        "the pair's other conversations.",
    )


class GoalChangeOut(Output):
    id: int
    field: str
    old_value: str | None
    new_value: str | None
    author: PersonOut
    created_at: datetime


class GoalHistory(Output):
    items: list[GoalChangeOut]


# --- Development actions ---------------------------------------------------------------------


class ActionCreate(Input):
    kind: ActionKind
    title: Title
    goal_id: RowId | None = Field(None, description="A goal of this conversation's employee.")
    owner: Party = Field(Party.EMPLOYEE, description="Who carries the action out.")
    resources: LongText = ""
    due_date: date | None = None
    status: ActionStatus = ActionStatus.PLANNED


class ActionBase(Input):
    """The changed fields' values when the editor started (for the three-way merge)."""

    kind: ActionKind | None = None
    title: ShortText | None = None
    goal_id: RowId | None = None
    owner: Party | None = None
    resources: LongText | None = None
    due_date: date | None = None
    status: ActionStatus | None = None

    _no_nulls = field_validator("kind", "title", "owner", "resources", "status")(not_null)


class ActionPatch(Input):
    version: Version
    base: ActionBase | None = Field(None, description=BASE_DESCRIPTION)
    kind: ActionKind | None = None
    title: Title | None = None
    goal_id: RowId | None = Field(None, description="null unlinks the goal.")
    owner: Party | None = None
    resources: LongText | None = None
    due_date: date | None = Field(None, description="null clears the due date.")
    status: ActionStatus | None = None

    _no_nulls = field_validator("kind", "title", "owner", "resources", "status")(not_null)


class ActionOwnerOut(PersonOut):
    role: Party


class ActionOut(Output):
    id: int
    conversation_id: int
    goal_id: int | None
    kind: ActionKind
    title: str
    owner: ActionOwnerOut
    resources: str
    due_date: date | None
    status: ActionStatus
    created_at: datetime
    updated_at: datetime
    version: int


class ActionList(Output):
    items: list[ActionOut]


# --- Drafts: a goal or action being written, shown to the other party before it is saved ------

DRAFT_KEY_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


class GoalDraftFields(Input):
    title: ShortText | None = None
    specific: LongText | None = None
    measure: LongText | None = None
    achievable: LongText | None = None
    relevance: LongText | None = None
    deadline: date | None = None
    status: GoalStatus | None = None


class ActionDraftFields(Input):
    kind: ActionKind | None = None
    title: ShortText | None = None
    goal_id: RowId | None = None
    owner: Party | None = None
    resources: LongText | None = None
    due_date: date | None = None
    status: ActionStatus | None = None


DRAFT_ID = Field(None, description="The goal or action being changed; null for a new one.")
DRAFT_FIELDS = Field(description="The fields typed so far that differ from where the editor started.")


class GoalDraftIn(Input):
    id: RowId | None = DRAFT_ID
    fields: GoalDraftFields = DRAFT_FIELDS


class ActionDraftIn(Input):
    id: RowId | None = DRAFT_ID
    fields: ActionDraftFields = DRAFT_FIELDS


class DraftAck(Output):
    ttl_seconds: int = Field(description="Send the draft again within this time, or it is gone.")


# --- Feedback --------------------------------------------------------------------------------


class FeedbackCreate(Input):
    kind: FeedbackKind
    text: NonEmptyText


class FeedbackOut(Output):
    id: int
    conversation_id: int
    author: PersonOut
    direction: FeedbackDirection
    kind: FeedbackKind
    text: str
    created_at: datetime


class FeedbackList(Output):
    items: list[FeedbackOut]


# --- Wellbeing pulse -------------------------------------------------------------------------


class PulseCreate(Input):
    score: Score
    shared: bool = Field(False, description="A private pulse is seen by its author only.")
    comment: LongText = ""


class PulseOut(Output):
    id: int
    conversation_id: int
    author: PersonOut
    score: int
    shared: bool
    comment: str
    created_at: datetime


class PulseList(Output):
    items: list[PulseOut]
