from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, field_validator

from ...domain.lifecycle import ConversationKind, Status
from ...domain.templates import Tool
from .agreements import FollowUpOut
from .common import (
    Input,
    LongText,
    Output,
    PageOut,
    PageQuery,
    PersonOut,
    PersonRef,
    Title,
    Version,
    not_null,
)

# A conversation's title: the column holds 200 characters (PostgreSQL refuses more with an error).
ConversationTitle = Annotated[str, Field(max_length=200)]


class MeetingRef(Input):
    meeting_id: Annotated[str | None, Field(max_length=512)] = None
    chat_id: Annotated[str | None, Field(max_length=512)] = None
    join_url: Annotated[str | None, Field(max_length=2048)] = None

    @field_validator("join_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("the join URL must start with https://")
        return value


class ConversationCreate(Input):
    kind: ConversationKind = ConversationKind.MUS
    employee: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    manager: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    template_key: Annotated[str | None, Field(max_length=64)] = None
    title: ConversationTitle = ""
    scheduled_at: AwareDatetime | None = None
    meeting: MeetingRef | None = None
    confirm_relationship: bool = Field(
        False,
        description="The pair is always checked against the directory's manager relation; a pair the "
        "directory does not show is accepted only when the employee plans it with this confirmation, "
        "and recorded. 503 `directory_unconfirmed` when the directory cannot be asked.",
    )


class ConversationPlan(Input):
    kind: ConversationKind = ConversationKind.MUS
    employee: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    manager: PersonRef | None = Field(None, description="Defaults to the signed-in person.")
    template_key: Annotated[str | None, Field(max_length=64)] = None
    title: ConversationTitle = ""
    starts_at: AwareDatetime = Field(
        description="The start, with the planner's UTC offset (ISO 8601, e.g. 2027-03-02T10:00:00+01:00); "
        "not in the past."
    )
    duration_minutes: Annotated[int | None, Field(ge=15, le=180)] = Field(
        None, description="15 to 180 minutes; default 60 for a MUS, 30 for a check-in."
    )
    allow_another: bool = Field(
        False,
        description="Plan it although the pair has an open conversation of this kind (without it: 409 "
        "`open_conversation_exists`, with that conversation in `current`).",
    )
    confirm_relationship: bool = Field(False, description="As for planning in a meeting.")


class ConversationPatch(Input):
    version: Version
    title: ConversationTitle | None = None
    scheduled_at: AwareDatetime | None = Field(None, description="null clears the time.")
    meeting: MeetingRef | None = Field(None, description="null unlinks the meeting.")

    _no_nulls = field_validator("title")(not_null)


class TransitionIn(Input):
    status: Status
    version: Version


class ConversationQuery(PageQuery):
    kind: ConversationKind | None = None
    status: Status | None = None
    role: Annotated[str | None, Field(pattern="^(employee|manager)$")] = None
    meeting_id: Annotated[str | None, Field(max_length=512)] = None


class TalkingPointOut(Output):
    id: int
    author: PersonOut
    text: str
    from_preparation: bool
    created_at: datetime


class AgendaItemOut(Output):
    id: int
    position: int
    section_key: str
    title: dict[str, str]
    tools: list[Tool]
    notes: str
    notes_removed: bool
    version: int
    updated_at: datetime
    talking_points: list[TalkingPointOut]


class AgendaItemPatch(Input):
    version: Version
    notes: LongText


class AgendaItemCreate(Input):
    title: Title


class TalkingPointCreate(Input):
    text: Annotated[LongText, Field(min_length=1)]


class MeetingOut(Output):
    meeting_id: str | None
    chat_id: str | None
    join_url: str | None


class ConversationSummary(Output):
    id: int
    kind: ConversationKind
    status: Status
    title: str
    template_key: str
    employee: PersonOut
    manager: PersonOut
    scheduled_at: datetime | None
    meeting: MeetingOut
    meeting_ended_at: datetime | None
    relationship_check: Literal["directory", "confirmed", "unchecked"]
    created_by: PersonOut = Field(description="Who planned it (an employee who planned it asked for it).")
    duration_minutes: int | None
    ends_at: datetime | None
    calendar_status: Literal["none", "created", "pending", "not_permitted"] = Field(
        description="The Teams meeting in both calendars: made, pending (retried later), not permitted "
        "(the `.ics` is the way), or none (planned in a meeting)."
    )
    created_at: datetime
    updated_at: datetime
    version: int


class ConversationOut(ConversationSummary):
    agenda: list[AgendaItemOut]


class PlannedConversationOut(ConversationOut):
    chat_tab: Literal["added", "not_permitted", "unavailable", "skipped"] | None = Field(
        None, description="The app's tab in the meeting's chat: added, or why not."
    )


class ConversationListItem(ConversationSummary):
    follow_ups: list[FollowUpOut] = Field(
        description="The follow-up dates agreed in it, by date, each with its calendar state (the same "
        "as `GET …/follow-ups`), so a list needs no request per conversation."
    )


class ConversationList(PageOut):
    items: list[ConversationListItem]
