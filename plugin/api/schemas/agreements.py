"""Consent, follow-up dates, and the agreement with its versions and approvals."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from ...domain.agreement import ConsentKind, Decision, Party, VersionState
from ...domain.lifecycle import Status
from .common import Input, LongText, Output, PersonOut, Title

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


class FollowUpList(Output):
    items: list[FollowUpOut]


# --- Agreement ---------------------------------------------------------------------------------


class SnapshotAgendaItem(Output):
    section_key: str
    title: dict[str, str]
    notes: str
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
