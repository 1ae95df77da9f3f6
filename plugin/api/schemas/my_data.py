"""The personal data export (JSON) and the person's audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from .common import Input, Output

Name = Annotated[str | None, Field(description="A display name; null when the person is no longer known.")]
Stamp = Annotated[str | None, Field(description="ISO 8601 date or date-time (UTC).")]


class ExportPerson(Output):
    object_id: str
    tenant_id: str
    display_name: str
    email: str
    locale: str
    signed_in_at: Stamp
    created_at: Stamp


class ExportTalkingPoint(Output):
    author: Name
    text: str
    created_at: Stamp


class ExportAgendaItem(Output):
    id: int
    position: int
    section_key: str
    title: dict[str, str] = Field(description="The item's title per language.")
    shared_notes: str = Field(description="The shared working notes (empty once removed).")
    notes_removed: bool
    talking_points: list[ExportTalkingPoint]
    summary: str = Field(description="The agreed summary of the item (part of the agreement).")


class ExportProgress(Output):
    percent: int
    note: str
    author: Name
    conversation_id: int | None
    created_at: Stamp


class ExportGoalChange(Output):
    field: str
    old_value: str | None
    new_value: str | None
    author: Name
    created_at: Stamp


class ExportGoal(Output):
    id: int
    title: str
    specific: str
    measure: str
    achievable: str
    relevance: str
    deadline: Stamp
    status: str
    created_at: Stamp
    progress: list[ExportProgress] = Field(description="Progress notes from check-ins.")
    changes: list[ExportGoalChange]


class ExportAction(Output):
    id: int
    kind: str
    title: str
    owner: Name
    resources: str
    due_date: Stamp
    status: str
    goal_id: int | None


class ExportFeedback(Output):
    author: Name
    given_by_me: bool
    direction: str
    kind: str
    text: str
    created_at: Stamp


class ExportPulse(Output):
    author: Name
    mine: bool
    score: int
    shared: bool
    comment: str
    created_at: Stamp


class ExportPreparation(Output):
    prompt_key: str | None
    text: str
    created_at: Stamp
    updated_at: Stamp


class ExportApproval(Output):
    party: str
    person: Name
    decision: str
    comment: str
    disagreement: bool
    decided_at: Stamp


class ExportAgreementVersion(Output):
    number: int
    created_at: Stamp
    locked_at: Stamp
    content: dict[str, Any] = Field(description="What the version records: agenda summaries, goals, actions.")
    approvals: list[ExportApproval]


class ExportFollowUp(Output):
    title: str
    due_on: Stamp


class ExportConsent(Output):
    kind: str
    value: bool
    party: str
    recorded_at: Stamp


class ExportCheckinPart(Output):
    state: str
    goals: list[dict[str, Any]] = Field(description="Per goal: goal_id, percent, note.")
    blockers: str
    pulse_score: int | None
    pulse_comment: str
    pulse_shared: bool
    next_steps: str
    updated_at: Stamp
    done_at: Stamp


class ExportConversation(Output):
    id: int
    kind: str
    status: str
    title: str
    my_role: Literal["employee", "manager"]
    employee: Name
    manager: Name
    scheduled_at: Stamp
    meeting_ended_at: Stamp
    created_at: Stamp
    agenda: list[ExportAgendaItem]
    goals: list[ExportGoal]
    development_actions: list[ExportAction]
    feedback: list[ExportFeedback] = Field(description="Feedback given and received in the conversation.")
    wellbeing: list[ExportPulse] = Field(
        description="The person's own wellbeing pulses, and the other party's shared ones."
    )
    my_preparation: list[ExportPreparation] = Field(description="The person's own private preparation.")
    agreement_versions: list[ExportAgreementVersion]
    follow_ups: list[ExportFollowUp]
    my_consents: list[ExportConsent]
    my_checkin_part: ExportCheckinPart | None = Field(
        None, description="My own part of an asynchronous check-in (never the other party's)."
    )


class ExportAuditEvent(Output):
    id: int
    at: str
    action: str
    actor_name: Name
    by_me: bool
    conversation_id: int | None
    description: str


class DataExport(Output):
    """Everything stored about the signed-in person, as they may see it."""

    format_version: int
    exported_at: str
    language: str
    person: ExportPerson
    conversations: list[ExportConversation]
    audit_events: list[ExportAuditEvent]


class AuditQuery(Input):
    before: Annotated[
        int | None,
        Field(ge=1, le=2**31 - 1, description="The `next_before` of the previous page."),
    ] = None
    limit: Annotated[int, Field(ge=1, le=100)] = 50


class AuditEntryOut(Output):
    id: int
    at: datetime
    action: str = Field(description="The machine code of what happened, e.g. `agreement.approved`.")
    actor_name: Name
    by_me: bool
    conversation_id: int | None
    conversation_title: str | None
    description: str = Field(description="What happened, in the reader's language.")


class AuditPageOut(Output):
    items: list[AuditEntryOut]
    next_before: int | None = Field(
        description="Pass as `before` for the next (older) page; null at the end."
    )
