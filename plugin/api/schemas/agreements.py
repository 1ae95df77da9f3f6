"""Consent, follow-up dates, and the agreement with its versions and approvals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, field_validator

from ...domain.agreement import ConsentKind, Decision, Party, VersionState
from ...domain.lifecycle import Status
from .common import Input, LongText, Output, PersonOut, Title, Version, not_null

# --- Consent -----------------------------------------------------------------------------------


class ConsentIn(Input):
    kind: ConsentKind
    value: bool = Field(description="The signed-in party's answer: yes (true) or no (false).")


class ConsentAnswerOut(Output):
    value: bool
    recorded_at: datetime


class ConsentItemOut(Output):
    kind: ConsentKind
    employee: ConsentAnswerOut | None = Field(description="null while the employee has not answered.")
    manager: ConsentAnswerOut | None = Field(description="null while the manager has not answered.")
    both_agreed: bool


class ConsentOut(Output):
    items: list[ConsentItemOut]


# --- Follow-ups --------------------------------------------------------------------------------


class FollowUpCreate(Input):
    title: Title
    due_on: date


class FollowUpOut(Output):
    id: int
    title: str
    due_on: date
    created_at: datetime
    version: int
    calendar: Literal["in_calendar", "pending", "not_permitted"] | None = Field(
        default=None,
        description="Where the follow-up's event in both calendars stands, once the agreement was "
        "locked: `in_calendar`, `pending` (being sent, or Microsoft 365 unavailable: retried), "
        "`not_permitted` (the organisation did not permit calendar access: use the .ics). null: not "
        "scheduled (no agreement locked yet) or not known in this answer.",
    )


class FollowUpBase(Input):
    title: str | None = None
    due_on: date | None = None

    _no_nulls = field_validator("title", "due_on")(not_null)


class FollowUpEdit(Input):
    version: Version
    base: FollowUpBase = Field(
        description="The values the change started from (as read at `version`): a stale write is merged "
        "against them; a field changed without its starting value is a conflict."
    )
    title: Title | None = None
    due_on: date | None = None

    _no_nulls = field_validator("title", "due_on")(not_null)


class FollowUpList(Output):
    items: list[FollowUpOut]


# --- Agreement ---------------------------------------------------------------------------------


class SnapshotAgendaItem(Output):
    section_key: str
    title: dict[str, str]
    summary: str = Field(description="The summary both parties approve; never the working notes.")
    talking_points: list[str]


class SnapshotGoal(Output):
    id: int
    title: str
    specific: str
    measure: str
    achievable: str
    relevance: str
    deadline: date | None
    status: str


class SnapshotAction(Output):
    kind: str
    title: str
    owner_role: Party | None
    resources: str
    due_date: date | None
    status: str
    goal_id: int | None


class SnapshotFollowUp(Output):
    title: str
    due_on: date


class SnapshotOut(Output):
    agenda: list[SnapshotAgendaItem]
    goals: list[SnapshotGoal]
    development_actions: list[SnapshotAction]
    follow_ups: list[SnapshotFollowUp]


class DecisionIn(Input):
    decision: Decision
    comment: LongText | None = Field(None, description="Required when asking for changes.")
    disagreement: bool = Field(False, description="Record that this party disagrees with the content.")


class DecisionOut(Output):
    party: Party
    person: PersonOut
    decision: Decision
    comment: str
    disagreement: bool
    decided_at: datetime


class AgreementVersionOut(Output):
    number: int
    state: VersionState
    snapshot: SnapshotOut
    created_by: PersonOut
    created_at: datetime
    locked_at: datetime | None
    decisions: list[DecisionOut]


class AgreementOut(Output):
    conversation_status: Status
    items: list[AgreementVersionOut] = Field(description="All versions, newest first.")


# --- Summaries ---------------------------------------------------------------------------------


class SummaryOut(Output):
    item_id: int
    section_key: str
    title: dict[str, str]
    text: str
    version: int
    updated_at: datetime
    merged: bool = Field(False, description="The write was based on an older version and merged with it.")
    agreement_number: int = Field(0, description="The latest agreement version after the write.")


class SummaryList(Output):
    items: list[SummaryOut]
    keep_notes: bool = Field(
        description="Both parties chose to keep the notes: the summaries started from them."
    )


class SummaryEdit(Input):
    version: Version
    base: LongText = Field(description="The text the change started from (as read at `version`).")
    text: LongText


class AgreementPdfQuery(Input):
    lang: Literal["da", "en"] | None = Field(
        default=None,
        description="The document's language; by default the reader's (`X-Teams-Locale`, then "
        "`Accept-Language`).",
    )
    tz: str | None = Field(
        default=None,
        max_length=64,
        description="The reader's IANA time zone for the approval times (e.g. `Europe/Copenhagen`, "
        "the default).",
    )
